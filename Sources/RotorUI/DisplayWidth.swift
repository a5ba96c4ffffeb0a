/// How many terminal columns a character occupies.
