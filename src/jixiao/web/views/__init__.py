"""Views, one module per concern. Every view that touches an evaluation gets it from permissions.evaluation_for."""
