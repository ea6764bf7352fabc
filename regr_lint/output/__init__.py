"""Stage 6, output: findings written for people and tools (report, formats), and the baseline that
hides the findings a project has accepted."""
