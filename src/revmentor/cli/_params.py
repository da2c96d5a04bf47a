"""Plain coercion for text and flag parameters, so reading a command line costs little.

(It also keeps "<bool>" and "<str>" out of the help, where they only add noise.)

Typer coerces each parameter through a pydantic TypeAdapter that it builds on first use,
even for an option that was not given. For `str`, `list[str]` and `bool` parameters the
parser's strings and flags already are the answer, and building those adapters (and
importing pydantic to do it) took 40 ms or more of every run. Any other annotation or
value keeps Typer's coercion, and if Typer's internals change shape the parameters are
left as Typer made them.
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from typer import _click as click

_PLAIN: dict[Any, type] = {str: str, str | None: str, bool: bool}
_MANY: dict[Any, type] = {list[str]: str, list[str] | None: str}


@cache
def _plain_coercion() -> dict[tuple[type, bool], type] | None:
    """The coercion classes by (kind, many), or None under a Typer whose internals differ."""
    try:
        from typer._coercion import RuntimeParam, build_runtime_param, resolve_type_descriptor
    except ImportError:
        return None

    # Plain subclasses of Typer's dataclass rather than dataclasses of their own: they add
    # no fields, and making a dataclass would cost a millisecond of every run.
    class Plain(RuntimeParam):
        kind: ClassVar[type] = str
        many: ClassVar[bool] = False

        def _coerce_value(self, value: Any, param: Any, ctx: click.Context) -> Any:
            if self.many and isinstance(value, list | tuple):
                if all(type(v) is self.kind for v in value):
                    return list(value)
            elif type(value) is self.kind:
                return value
            # Anything unusual (a value from an environment variable, say) goes to Typer.
            typer_way = build_runtime_param(
                resolve_type_descriptor(self.annotation, self.parameter_info)
            )
            return typer_way.coerce(value, param=param, ctx=ctx)

    class Flag(Plain):
        kind = bool

    class Many(Plain):
        many = True

    return {(str, False): Plain, (bool, False): Flag, (str, True): Many}


def _no_type(ctx: click.Context) -> None:
    return None


HELP_NAMES = ["-h", "--help"]


def speed_up(command: click.Command) -> click.Command:
    """Give `command`'s text parameters (and its subcommands') the plain coercion."""
    plain = _plain_coercion()
    if plain is None:
        return command
    # The help option is made on first use; making it now lets it be treated too.
    helper = command.get_help_option(click.Context(command, help_option_names=HELP_NAMES))
    for param in [*command.params, *([helper] if helper is not None else [])]:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", None) is not None:
            continue
        annotation = descriptor.annotation
        kind = _PLAIN.get(annotation) or _MANY.get(annotation)
        flag = getattr(param, "is_flag", False)
        if flag or (kind is str and param.param_type_name == "argument"):
            # Help would show "<bool>" beside a flag and "<str>" beside a name: noise.
            param.display_type_rich = _no_type  # type: ignore[attr-defined]
        if kind is not None:
            coercion = plain[kind, annotation in _MANY]
            param._runtime_param = coercion(  # type: ignore[attr-defined]
                parameter_info=descriptor.parameter_info, annotation=annotation
            )
    for sub in getattr(command, "commands", {}).values():
        speed_up(sub)
    return command
