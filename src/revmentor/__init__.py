"""revmentor: a command-line coach for reverse mentoring."""

__version__ = "0.1.0"
