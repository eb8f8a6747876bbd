# English pages keep the Vietnamese formats: a date is typed and shown day first in every language.
from config.formats.vi.formats import *  # noqa: F403
