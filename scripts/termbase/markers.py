"""`N_`: marks a UI string for extraction into the catalogs (pybabel -k N_) without translating it where it is
written; it is translated where it is shown. A module of its own so that any module can use it and import nothing."""


def N_(message: str) -> str:
    return message
