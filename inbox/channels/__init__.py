"""Channels: one module per network, turning its API into IngestBatches."""
