"""The window's rules as plain functions: vocabulary, ID numbers, phones, regions, visit validation."""
