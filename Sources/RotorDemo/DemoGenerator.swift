import RotorCore
