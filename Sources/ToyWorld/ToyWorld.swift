@_exported import DDIM
