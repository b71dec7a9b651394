"""工作台: the signed-in user's to-do list."""
