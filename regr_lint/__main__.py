"""`python -m regr_lint`."""
from regr_lint.cli import main

if __name__ == "__main__":
    main()
