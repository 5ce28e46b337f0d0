"""Plug-ins for moto's server. Each module defines install(), called once before the server starts."""
