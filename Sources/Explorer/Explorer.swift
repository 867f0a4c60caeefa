@_exported import ToyWorld
@_exported import Canvas
