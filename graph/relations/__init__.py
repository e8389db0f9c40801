"""Relation extractors, one module per family: co-mentions now, stance next."""
