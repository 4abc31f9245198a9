"""The window: Qt widgets over the services. Only this package imports Qt."""
