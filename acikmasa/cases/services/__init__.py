"""The only code that writes cases. Import services from their modules."""
