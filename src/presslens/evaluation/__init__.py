"""Accuracy measurement: run an extractor over gold data, write predictions, score them."""
