"""Stage package 'scale'."""
