"""Açık Masa: one desk for every citizen request of a municipality."""
