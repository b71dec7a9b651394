"""reliefdesk: casework for a township civil-affairs office (民政所).

Layers (see DESIGN.md): domain (pure rules) <- models/db <- services <- cli/ui.
"""

__version__ = "0.1.0"
