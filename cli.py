"""Run reportparse from a checkout without installing it: ``python cli.py parse REPORT``."""

from reportparse.cli import main

if __name__ == "__main__":
    main()
