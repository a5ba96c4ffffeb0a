let rotorVersion = "0.1.0"
