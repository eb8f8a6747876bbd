"""Adding many tasks at once from a table pasted from Word or Excel.

`tables` reads the pasted text into rows and checks them (nothing is written); `forms` validates the paste
and the preview the user edits; `services.import_tasks` writes the checked rows as tasks in one transaction.
"""
