"""Stage package 'web'."""
