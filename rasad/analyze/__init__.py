"""The analysis stages: normalization, sentences, tokens, entities, dates.

The package shares its name with the API function ``rasad.analyze``; importing a submodule
rebinds ``rasad.analyze`` to this package, so the package is made callable and calling it is
calling the API function.
"""

import sys
import types


class _CallablePackage(types.ModuleType):
    def __call__(self, *args, **kwargs):
        from rasad.api import analyze

        return analyze(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
