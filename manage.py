#!/usr/bin/env python
from acikmasa.cli import main

if __name__ == "__main__":
    main()
