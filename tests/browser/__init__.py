"""Tests that drive headless Chromium against a live kg server."""
