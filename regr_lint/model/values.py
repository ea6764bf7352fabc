"""The abstract values the interpreter gives expressions. Each keeps the libcst node it came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from regr_lint.lazy import cst

if TYPE_CHECKING:
    from regr_lint.model.model import KerasModel


class Value:
    node: Optional[cst.CSTNode] = None


class _Unknown(Value):
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()


@dataclass(eq=False)
class Lit(Value):
    """A Python literal: str, int, float, bool, None."""
    value: object
    node: Optional[cst.CSTNode] = None


@dataclass(eq=False)
class Seq(Value):
    """A list or tuple whose elements are known; `elts` are the element expressions, for reporting."""
    items: list
    node: Optional[cst.CSTNode] = None
    elts: list = field(default_factory=list)


@dataclass(eq=False)
class Map(Value):
    """A dict with literal keys."""
    items: dict
    node: Optional[cst.CSTNode] = None
    # what every write under a key not known here stored (`scalers[col] = MinMaxScaler()` in a loop),
    # when those writes agree; UNKNOWN when they do not; None when there was none
    any: Optional[Value] = None


@dataclass(eq=False)
class Ref(Value):
    """An imported name, as a canonical dotted path (`keras.layers.Dense`, `numpy.mean`); `raw` is
    the path as the file spells it through its imports (`tensorflow.python.keras.layers.Dense`)."""
    qualname: str
    node: Optional[cst.CSTNode] = None
    raw: str = ""

    @property
    def is_keras(self) -> bool:
        return self.qualname == "keras" or self.qualname.startswith("keras.")

    @property
    def last(self) -> str:
        return self.qualname.rpartition(".")[2]

    @property
    def is_optimizer_class(self) -> bool:
        """A Keras optimizer class (`keras.optimizers.Adam`), not a module, function or alias."""
        return self.qualname.startswith("keras.optimizers.") and self.last[:1].isupper()


@dataclass(eq=False)
class Args:
    """Evaluated call arguments, each with the libcst Arg it came from."""
    pos: list = field(default_factory=list)  # [(Value, cst.Arg)]
    kw: dict = field(default_factory=dict)  # name -> (Value, cst.Arg)
    star: bool = False  # *args / **kwargs that could not be expanded
    # when `star`: the keywords the splats left unexpanded may hold, when only `**` dicts known up to
    # which keys they have are (`**({"input_shape": s} if i == 0 else {})`); None: any
    star_keys: Optional[frozenset] = None
    # keyword -> the dict display (or `dict(...)` call) a `**` spread it from (`Conv2D(32, **CONV_KW)`:
    # RL504 reads its keys)
    spread: dict = field(default_factory=dict)

    def spread_key(self, key: str):
        """Where the dict a `**` spread into the call writes `key`: the string of a display
        (`{"lr": 0.01}`), the keyword of a `dict(lr=0.01)` call; None when it was not written so."""
        return (written_keys(self.spread.get(key)) or {}).get(key, (None,))[0]

    def may_pass(self, name: str) -> bool:
        """Whether an unexpanded splat may hold keyword `name`."""
        return self.star and (self.star_keys is None or name in self.star_keys)

    def get(self, name: str, index: int | None = None):
        """(Value, Arg) for keyword `name` or position `index`; (UNKNOWN, None) when absent."""
        if name in self.kw:
            return self.kw[name]
        if index is not None and index < len(self.pos):
            return self.pos[index]
        return (UNKNOWN, None)

    def has(self, name: str, index: int | None = None) -> bool:
        return name in self.kw or (index is not None and index < len(self.pos))


def written_keys(made, complete: bool = False) -> Optional[dict]:
    """{key: (where it is written, its value)} of a dict written out — the strings of a display
    (`{"class_mode": "raw"}`), the keywords of a `dict(class_mode="raw")` call; None for anything
    else, and with `complete` also when some key is not written so (`**base`, a computed key)."""
    if type(made) is cst.Dict:
        found = {e.key.evaluated_value: (e.key, e.value) for e in made.elements
                 if type(e) is cst.DictElement and type(e.key) is cst.SimpleString}
        return None if complete and len(found) != len(made.elements) else found
    if type(made) is cst.Call and type(made.func) is cst.Name and made.func.value == "dict":
        found = {a.keyword.value: (a.keyword, a.value) for a in made.args if a.keyword is not None}
        return None if complete and len(found) != len(made.args) else found
    return None


def joined_star(a: Args, b: Args) -> dict:
    """The `star` / `star_keys` of arguments made of `a`'s and `b`'s together."""
    if not (a.star or b.star):
        return {}
    if a.star and a.star_keys is None or b.star and b.star_keys is None:
        return {"star": True}
    return {"star": True, "star_keys": (a.star_keys or frozenset()) | (b.star_keys or frozenset())}


@dataclass(eq=False)
class Obj(Value):
    """What calling an imported callable returned (a loss object, a scaler, an optimizer …)."""
    qualname: str
    args: Args
    node: Optional[cst.CSTNode] = None

    @property
    def is_keras(self) -> bool:
        return self.qualname == "keras" or self.qualname.startswith("keras.")

    @property
    def last(self) -> str:
        return self.qualname.rpartition(".")[2]


@dataclass(eq=False)
class Layer(Value):
    """A Keras layer instance: `kind` is its class name (Dense, Activation …) or 'custom'."""
    kind: str
    args: Args
    node: Optional[cst.CSTNode] = None
    qualname: str = ""
    wrapped: Optional["Layer"] = None  # Bidirectional(LSTM(…)), TimeDistributed(Dense(…))


@dataclass(eq=False)
class ActivationFn(Value):
    """An activation applied as a function to a tensor: `tf.nn.sigmoid(x)`."""
    activation: str
    node: Optional[cst.CSTNode] = None


@dataclass(eq=False)
class Tensor(Value):
    """A symbolic tensor: an Input, or what a layer / op produced from its inputs."""
    producer: Optional[Value]  # Layer, ActivationFn, ModelRef, or None for Input / an unknown op
    inputs: list
    node: Optional[cst.CSTNode] = None
    is_input: bool = False
    shape: Optional[Value] = None  # for Inputs: the `shape=` value


@dataclass(eq=False)
class Either(Value):
    """The producer of what a name holds after an `if` in a loop whose arms bound it to different
    tensors (the tensor's inputs): whichever arm the iteration ran — the last iteration may take
    either (`if i == n - 1: h = GlobalMaxPooling1D()(h) else: h = MaxPooling1D(2)(h)`)."""


@dataclass(eq=False)
class ModelRef(Value):
    model: "KerasModel"
    node: Optional[cst.CSTNode] = None


@dataclass(eq=False)
class Method(Value):
    """A model's training or evaluation method read as a value (`fit_fn = self.model.fit`): calling it
    calls that method on the model; anything else reads it as unknown."""
    model: ModelRef
    name: str
    node: Optional[cst.CSTNode] = None


@dataclass(eq=False)
class BoundMethod(Value):
    """A method of an object of the project's own classes read as a value, not called
    (`metrics=[scores.nrmse]`, `loss=self.rmse`): Keras calls it with `(y_true, y_pred)`, `self`
    bound. The loss and metric questions read its function; anything else reads it as unknown."""
    func: "Func"
    inst: Value
    node: Optional[cst.CSTNode] = None


@dataclass(eq=False)
class ModuleV(Value):
    """A project module bound by `import config as cfg` / `import pkg.nets`: its attributes are what
    it defines (read when first asked for)."""
    path: str
    node: Optional[cst.CSTNode] = None


@dataclass(eq=False)
class Func(Value):
    fdef: cst.FunctionDef
    scope: object  # the defining Scope (closure)
    node: Optional[cst.CSTNode] = None


def is_builder(value: Value) -> bool:
    """A function of the file or project, or one with some arguments bound (`partial(build, head=…)`)."""
    return isinstance(value, Func) or type(value) is Obj and value.qualname == "functools.partial" \
        and bool(value.args.pos) and isinstance(value.args.pos[0][0], Func)


@dataclass(eq=False)
class Lambda(Value):
    """A lambda expression (a loss or metric written inline)."""
    node: cst.Lambda
    origin: Optional[str] = None  # the project module it is written in (None: the linted file)
    scope: object = None  # the Scope it closes over (its body runs there when it is called)


@dataclass(eq=False)
class ClassV(Value):
    cdef: cst.ClassDef
    bases: list  # evaluated base values
    scope: object
    node: Optional[cst.CSTNode] = None
    is_model: bool = False
    is_layer: bool = False
    instance: Optional["Instance"] = None
    consts: dict = field(default_factory=dict)  # what the class body binds (`LOSS = "mse"`): Config.LOSS


@dataclass(eq=False)
class Instance(Value):
    cls: ClassV
    attrs: dict = field(default_factory=dict)
    node: Optional[cst.CSTNode] = None


@dataclass(eq=False)
class OneOf(Value):
    """One of a few values, which one not known: what a function returning one of a few project
    objects returns (a dispatch: `if name == "cnn": return cnn.Classifier_CNN(...)` ... `return
    mlp.Classifier_MLP(...)`, or one of several builders' models), a registry of builders indexed by
    an unknown key (`BUILDERS[args.net]`: called, each builder runs), one of two dicts a conditional
    expression picks (`{"input_shape": s} if i == 0 else {}`: splatted, the keys it may pass are
    known), one of a few scalar literals the arms of an `if` bind a name to (`one_of_settings`:
    `head_act = "relu"` / `else: head_act = None`). A method called on it runs on each (each model is
    compiled and trained so in some run); anything else reads it as unknown."""
    options: tuple = ()


# How many literals a name may hold after the arms of `if`s for them to be kept (see one_of_settings).
MAX_SETTINGS = 12


def setting_options(value: Value) -> Optional[tuple]:
    """The scalar literals (str, number, bool, None) a value may be: itself for one, the options of a
    joined setting (`one_of_settings`); None for anything else."""
    if type(value) is Lit:
        return (value,) if _scalar(value) else None
    if type(value) is OneOf and value.options and all(type(o) is Lit and _scalar(o) for o in value.options):
        return value.options
    return None


def one_of_settings(a: Value, b: Value) -> Optional[Value]:
    """What a name holds after an `if` whose arm is not known, when one path leaves it `a` and the
    other `b`, each a scalar literal or such a join (`head_act = "relu"` / `"tanh"` / `None` in the
    arms of an if/elif/else): one of those literals (a OneOf of Lits, each once by value; a rule
    asking what it is answers only when every option gives the same answer). None when either is
    anything else, or there would be more than MAX_SETTINGS."""
    first, second = setting_options(a), setting_options(b)
    if first is None or second is None:
        return None
    options = {(type(o.value), o.value): o for o in (*first, *second)}
    if len(options) > MAX_SETTINGS:
        return None
    return next(iter(options.values())) if len(options) == 1 else OneOf(tuple(options.values()))


def _scalar(lit: Lit) -> bool:
    return isinstance(lit.value, (str, int, float, type(None)))


@dataclass(eq=False)
class DataPair(Value):
    """An (x, y) source: `Dataset.from_tensor_slices((x, y))`, `ImageDataGenerator().flow(x, y)`."""
    x: Value
    y: Value
    x_node: Optional[cst.CSTNode]
    y_node: Optional[cst.CSTNode]
    kind: str  # "dataset" | "flow" | "records" (single records, dicts of columns, until a `.map()` pairs them)
    node: Optional[cst.CSTNode] = None
    # The target expressions the function of a `.map()` returns in their place, when it visibly
    # makes new ones (`return img, box / tf.reduce_max(box)`): then y / y_node are unknown.
    targets: tuple = ()
    # The project module whose code made it (None: the linted file): x_node / y_node are its nodes,
    # read with that module's assignments.
    origin: Optional[str] = None
    # ((value, node), ...) of each item of a dataset of three or more (`(ids, features, boxes)`),
    # whose x and y are unknown until a `.map()` picks two of them
    parts: tuple = ()
    # The project module the `.map()` function whose `targets` these are is defined in, when it is
    # not the one that made the dataset (`ds.map(standardize)`, standardize in pipeline.py): the
    # targets are its nodes, read with its assignments (its `MU = y.mean()`).
    targets_origin: Optional[str] = None
    # the call of this file that ran the other module's function making it (`ds = make_ds(data)`):
    # where that function's parameters come from, read here
    made_by: Optional[cst.Call] = None


@dataclass(eq=False)
class Div(Value):
    """The result of a true division `a / b` (a float, even of two ints), or of such a quotient
    multiplied by a factor (`product`: `n / bs * k` is a float too; `node` is the product)."""
    node: Optional[cst.CSTNode] = None
    product: bool = False


class Scope:
    """The names bound where code runs (a module's top level, a function call, a class body), and the
    scope around it: a function's closure is the Scope it was defined in."""
    __slots__ = ("vars", "parent", "origin")

    def __init__(self, parent: Optional["Scope"] = None, origin: Optional[str] = None):
        self.vars: dict[str, Value] = {}
        self.parent = parent
        # The project module this scope's code lives in, None for the linted file: what another
        # module's code assigns is not this file's data flow.
        self.origin = parent.origin if parent is not None else origin

    def lookup(self, name: str) -> Optional[Value]:
        scope: Optional[Scope] = self
        while scope is not None:
            found = scope.vars.get(name)
            if found is not None:
                return found
            scope = scope.parent
        return None

    def owner(self, name: str) -> "Scope":
        scope: Optional[Scope] = self
        while scope is not None:
            if name in scope.vars:
                return scope
            scope = scope.parent
        return self


def keras_init(cls: ClassV, depth: int = 0) -> Optional[Ref]:
    """The Keras class whose `__init__` a construction of `cls` runs: its Keras base, when neither it
    nor a base class of the project between them defines `__init__` (one Keras base only); None
    otherwise."""
    if depth > 8 or any(type(s) is cst.FunctionDef and s.name.value == "__init__" for s in cls.cdef.body.body):
        return None
    found = [b for b in cls.bases if isinstance(b, Ref) and b.is_keras]
    inner = [b for b in cls.bases if isinstance(b, ClassV)]
    if len(found) + len(inner) != 1:
        return None
    return found[0] if found else keras_init(inner[0], depth + 1)
