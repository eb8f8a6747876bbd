"""The official-document layer (Decree 30/2020): start reading at documents/layer.py."""
