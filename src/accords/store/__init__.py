"""Stage package 'store'."""
