"""T.C. Kimlik No: 11 digits, first not 0, two check digits."""


def tckn_check_digits(first_nine: str) -> str:
    """Return the two check digits for the first nine digits of a T.C. Kimlik No."""
    d = [int(c) for c in first_nine]
    odd = d[0] + d[2] + d[4] + d[6] + d[8]
    even = d[1] + d[3] + d[5] + d[7]
    d10 = (7 * odd - even) % 10  # Python's % is a true modulo, as the rule needs
    d11 = (sum(d) + d10) % 10
    return f"{d10}{d11}"


def is_valid_tckn(value: str) -> bool:
    if not isinstance(value, str):
        return False
    if len(value) != 11 or not value.isascii() or not value.isdigit() or value[0] == "0":
        return False
    return tckn_check_digits(value[:9]) == value[9:]


def mask_tckn(value: str) -> str:
    """Show only the first two and last two digits: 10*******46."""
    if not value:
        return ""
    return value[:2] + "*" * (len(value) - 4) + value[-2:]
