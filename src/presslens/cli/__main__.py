"""`python -m presslens.cli` runs the command line."""
from . import main

main()
