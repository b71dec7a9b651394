"""Engine, pragmas, migrations, backup and restore."""
