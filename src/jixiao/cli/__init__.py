"""The `jixiao` command: the only package that imports the CLI framework (click) and rich."""
