"""Whether the targets a model is trained on are class labels: one-hot encoded, booleans, literal 0/1
data, a classification dataset's labels, a stratified split's, the labels a generator or a Sequence
gives each batch — directly, through the names they are cut from, or in the project module that
makes them (RL101's and RL102's exemption for a classifier trained with squared error). Built on the
recorded assignments of `records` and the data-flow modules beside it."""
from __future__ import annotations

import ast
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.compat import statements
from regr_lint.model.columns import _column_writes, _popped_column, column_origins, read_column
from regr_lint.model.dataflow import (_elsewhere_shows, _has_targets, _importers_show, _mapping_module,
                                      _parameter_targets, _target_nodes, literal_values, name_values)
from regr_lint.model.draws import _RANDOM_MODULES, _draw_span, _literal_numbers
from regr_lint.model.generators import (_generator_targets, _making_call, cut_targets, dataset_origin,
                                        dataset_source, directory_labels, returns_directory)
from regr_lint.model.importers import (_imported_function, _instance_attribute, _instance_class, _project_items,
                                       _returned_items, _returns, _top_function, _top_function_in, attribute_parts,
                                       declared_classifier_by_importers)
from regr_lint.model.model import KerasFacts
from regr_lint.model.records import (_PEEL_FUNCS, _PEEL_METHODS, _call_name, _const, _dotted_tail, _records, _unzipped,
                                     arm_alternatives)
from regr_lint.model.signs import _returns_of


_LABEL_CALLS = frozenset({"to_categorical", "one_hot", "label_binarize", "logical_and", "logical_or",
                          "logical_xor", "logical_not"})
_LABEL_ENCODERS = frozenset({"LabelEncoder", "LabelBinarizer", "OneHotEncoder", "MultiLabelBinarizer"})
# (x, y) generators whose y is class labels, and the datasets whose load_data() gives labels
_LABEL_GENERATORS = frozenset({"make_classification", "make_multilabel_classification", "make_blobs",
                               "make_moons", "make_circles", "make_gaussian_quantiles", "make_hastie_10_2",
                               "load_iris", "load_digits", "load_breast_cancer", "load_wine",
                               # Keras' word2vec pairs: (couples, 0/1 labels: a context word or a negative sample)
                               "skipgrams"})
_LABEL_DATASETS = frozenset({"mnist", "fashion_mnist", "cifar10", "cifar100", "imdb", "reuters"})


def _linear_heads(model) -> bool:
    heads = model.heads()
    return bool(heads) and all(h.activation == "linear" for h in heads)


def targets_are_labels(facts: KerasFacts, model) -> bool:
    """True when the file shows that targets `model` is trained on are class labels: one-hot encoded
    (`to_categorical`, `get_dummies` of a column, a label encoder), booleans (a comparison, `astype(bool)`,
    `np.logical_*`), literal data all 0 or 1, or the y of a classification generator / dataset
    (`make_classification`, `load_iris`, `mnist.load_data()`), directly or through the names they
    are cut from."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    if (id(model.node) in facts.classifier_nodes or declared_classifier_by_importers(facts, model)) \
            and not _linear_heads(model):
        # built for `KerasClassifier(build_fn=...)`: a classifier by declaration — unless every
        # output is linear (a regression network wrapped as a classifier by mistake: its accuracy
        # compares raw values)
        return True
    heads = model.heads()
    if heads and all(h.layer is not None and id(h.layer.node) in facts.classifying_layers for h in heads):
        # every output made in the arm of an `if` naming a classification task
        return True
    if _elsewhere_shows(facts, model, targets_are_labels, foreign=True):
        return True
    if any(t.method in TRAIN_METHODS and t.y_node is None and t.origin is None
           and (_generator_labels(facts, t) or _directory_iterator(facts, t)) for t in model.trainings):
        # a generator function yielding class labels as its targets; an image folder read with its
        # class labels (`flow_from_directory(root, class_mode="categorical")`)
        return True
    for t in model.trainings:
        if t.method in TRAIN_METHODS and t.mapped:
            # a tf.data pipeline's `.map()` making the labels (`lambda f, s: (f, tf.cast(s >= 0.5,
            # tf.float32))`), read where the pipeline is made
            home = _mapping_module(facts, t)
            if home is not None:
                at = t.at if home is facts and t.at >= 0 else len(home.assignments)
                mapped = cut_targets(t.mapped, t.output)  # (one output's item: see columns.one_output)
                if mapped and all(_labels(y, at, home, _records(home), 0) for y in mapped):
                    return True
    if not _has_targets(model) or _parameter_targets(facts, model):
        # fitted in the modules that import its builder (or on the parameters of a function they
        # call): class labels there count
        if _importers_show(facts, model, targets_are_labels):
            return True
        if not _target_nodes(model):
            return False
    records = _records(facts)
    for t in model.trainings:
        if t.method not in TRAIN_METHODS or t.y_node is None or t.origin is not None:
            continue
        at = t.at if t.at >= 0 else len(facts.assignments)
        # a fit at the module's top level reads the module's names, not a function's parameters
        # (`def sq_err(labels, preds)` called as `sq_err(preds, labels)` binds no module `labels`)
        own = records if t.in_function else _module_records(facts)
        if _labels(t.y_node, at, facts, own, 0):
            return True
        # the same call run again with its function's parameters bound by a caller (a GAN's step
        # method given `valid = np.ones(...)` by the training loop of another method)
        if any(_labels(t.y_node, rerun, facts, own, 0) for rerun in t.reruns):
            return True
    return False


def _directory_iterator(facts: KerasFacts, training) -> bool:
    """A training on an iterator over an image folder that labels each image with its folder's class
    (`flow_from_directory(root)`, `image_dataset_from_directory(root)`, also `.prefetch()`-ed or
    returned by a function of the file or of a project module), made where the training is or
    bound to the name it fits on."""
    node = _making_call(facts, training, training.x_node)
    if node is None and isinstance(training.x_node, cst.Name):
        # `train_gen, val_gen = flows(root)`: the part of what the function returns that the name took
        at = training.at if training.at >= 0 else len(facts.assignments)
        last = [r for r in _records(facts).get(training.x_node.value, ()) if r[0] < at][-1:]
        if last and last[0][1] == "unpack" and not last[0][2][3]:
            call, k, n, _ = last[0][2]
            return returns_directory(call, facts, k, n)
    if node is None:
        return False
    records = _records(facts)
    at = training.at if training.at >= 0 else len(facts.assignments)
    # (`ds = ds.cache().shuffle(1000).prefetch(2)` before the fit: the dataset the first call made)
    node = dataset_origin(node, records, at)
    return directory_labels(node, records) or returns_directory(node, facts)


def _module_records(facts: KerasFacts) -> dict:
    """`_records` without the parameters calls bound."""
    if not facts.param_flows:
        return _records(facts)
    cached = facts._cache.get("dataflow_module_records")
    if cached is None:
        cached = facts._cache["dataflow_module_records"] = {
            name: [r for r in recs if r[0] not in facts.param_flows] for name, recs in _records(facts).items()}
    return cached


def _labels(node, at: int, facts, records: dict, depth: int) -> bool:
    if node is None or depth > 24:
        return False
    if isinstance(node, cst.Name):
        if node.value in facts.stratified:
            return True
        recs = [r for r in records.get(node.value, ()) if r[0] < at]
        if not recs:
            return _loop_labels(node.value, (), at, facts, records)
        if _name_labels(node, recs, facts, records, depth):
            return True
        # `if fresh: y = self.encoder.fit_transform(y) else: y = encoder.transform(y)`, then
        # `return y`: either arm's value; labels from one arm leave the targets unsure (the rules
        # asking stay silent), as the last write in walk order alone would not
        return any(_name_labels(node, alternative, facts, records, depth)
                   for alternative in arm_alternatives(facts, recs, at))
    return _other_labels(node, at, facts, records, depth)


def _loop_targets(facts: KerasFacts) -> dict:
    """{name: [(where in the target it stands, the iterable)]} for each name a `for` statement of the
    file binds: `for i, elem in enumerate(pairs)` gives elem ((1, 2),) over `enumerate(pairs)`."""
    found = facts._cache.get("loop_targets")
    if found is None:
        found = facts._cache["loop_targets"] = {}
        for stmt in statements(facts.module):
            if type(stmt) is cst.For:
                _bind_loop_target(stmt.target, (), stmt.iter, found)
    return found


def _bind_loop_target(target, path: tuple, iterable, out: dict) -> None:
    if isinstance(target, cst.Name):
        out.setdefault(target.value, []).append((path, iterable))
    elif isinstance(target, (cst.Tuple, cst.List)) and len(path) < 3 \
            and not any(isinstance(e, cst.StarredElement) for e in target.elements):
        for k, e in enumerate(target.elements):
            _bind_loop_target(e.value, path + ((k, len(target.elements)),), iterable, out)


def _loop_labels(name: str, more: tuple, at: int, facts: KerasFacts, records: dict) -> bool:
    """Whether `name`, bound by the file's one `for` over what a classification generator makes for
    each item (`skip_grams = [skipgrams(ids, V) for ids in docs]`), is — with `more`, a subscript
    of it — the labels half of one of them: `for pairs, labels in skip_grams`, `elem[1]` of `for
    i, elem in enumerate(skip_grams)`. Only names nothing else binds."""
    bound = _loop_targets(facts).get(name, ())
    if len(bound) != 1:
        return False
    path, iterable = bound[0]
    path = path + more
    if isinstance(iterable, cst.Call) and _call_name(iterable) == "enumerate" and len(iterable.args) == 1 \
            and iterable.args[0].keyword is None and not iterable.args[0].star:
        if not path or path[0] != (1, 2):
            return False
        path, iterable = path[1:], iterable.args[0].value
    if isinstance(iterable, cst.Name):
        made = [r for r in records.get(iterable.value, ()) if r[0] < at]
        if not made or made[-1][1] != "assign" or made[-1][2] is None:
            return False
        iterable = made[-1][2]
    items = [iterable.elt] if isinstance(iterable, (cst.ListComp, cst.GeneratorExp)) and \
        iterable.for_in.inner_for_in is None else [e.value for e in iterable.elements] \
        if isinstance(iterable, (cst.List, cst.Tuple)) else []
    return len(path) == 1 and path[0][0] == 1 and path[0][1] in (2, None) and bool(items) \
        and all(isinstance(i, cst.Call) and _call_name(i) in _LABEL_GENERATORS for i in items)


def _name_labels(node: cst.Name, recs: list, facts: KerasFacts, records: dict, depth: int) -> bool:
    """Whether the value `recs` (the records of the name before the place read, last one last) leave
    it bound to is labels."""
    i, kind, value = recs[-1]
    if kind == "assign" and value is None and (_labels_by_writes(node.value, recs, facts)
                                               or _labels_by_threshold(node.value, recs, facts)
                                               or _second_of_pair(node.value, facts.assignments[i][0])
                                               and _labelled_batch(facts.assignments[i][1], i, facts, records)):
        return True
    if kind == "append":
        call = value
        if bool(call.args) and _labels(call.args[-1].value, i, facts, records, depth + 1):
            return True
        # every append since the name was bound gives 0 / 1 or labels (`labels.append(1)` for a
        # dog, `labels.append(0)` otherwise)
        appends = []
        for j, k, v in reversed(recs):
            if k != "append":
                break
            if len(v.args) == 1 and isinstance(v.args[0].value, cst.Subscript) \
                    and isinstance(v.args[0].value.value, cst.Name) and v.args[0].value.value.value == node.value:
                continue  # `ys.append(ys[i - 1])`: a copy of one of its own elements adds no new value
            appends.append((j, v))
        return bool(appends) and all(len(c.args) == 1 and (_zero_or_one_literal(c.args[0].value)
                                         or _labels(c.args[0].value, j, facts, records, depth + 1))
                   for j, c in appends)
    if kind == "unpack":
        if node.value in dataset_label_names(facts):
            return True  # `(x, y), (xt, yt) = mnist.load_data()`: a classification dataset's labels
        call, k, n, inner = value
        if n == 2 and k == 1 and not inner and _labelled_batch(call, i, facts, records):
            return True  # `images, labels = next(batches)` of a labelling image-folder iterator
        if _call_name(call) == "factorize":
            return n == 2 and k == 0 and not inner  # `codes, uniques = pd.factorize(s)`: class codes
        if _call_name(call) in _LABEL_GENERATORS:
            return n == 2 and k == 1 and not inner
        zipped = _unzipped(call, k, n, inner, i, records)
        if zipped is not None:
            return _labels(zipped[1], zipped[0], facts, records, depth + 1)
        if n == 2 and k == 1 and not inner:
            # `X, y = get()` where get returns `make_classification(...)` itself
            returned = _returns(call, i, facts, records)
            if returned is not None and returned[2] and all(
                    isinstance(v, cst.Call) and _call_name(v) in _LABEL_GENERATORS for _, v in returned[2]):
                return True
        # `x_tr, y_tr = load()` of a data module, or `x, y = make_task()` of this file: the
        # labels it returns, read where it returns them
        found = _returned_items(call, ((k, n),) + inner, i, facts, records)
        return found is not None and all(_labels(item, j, found[0], found[1], depth + 1) for j, item in found[2])
    if kind == "assign" and value is not None:
        return _labels(value, i, facts, records, depth + 1)
    return node.value in dataset_label_names(facts) or _labels_by_mask(node.value, facts.assignments[i])


def _index(subscript: cst.Subscript):
    """The integer a one-index subscript reads (`b[0]`: 0), else None."""
    if len(subscript.slice) != 1:
        return None
    return _const(getattr(subscript.slice[0].slice, "value", None))


def _labelled_batch(value, at: int, facts, records: dict) -> bool:
    """`batches[0]` / `next(batches)` of `batches = gen.flow_from_directory(root, class_mode="binary")`:
    one batch, (images, labels), of an iterator that labels each image with its folder's class."""
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "next" \
            and len(value.args) == 1:
        source = value.args[0].value
    elif isinstance(value, cst.Subscript) and isinstance(_index(value), int):
        source = value.value
    else:
        return False
    if isinstance(source, cst.Name):
        recs = [r for r in records.get(source.value, ()) if r[0] < at]
        source = recs[-1][2] if recs and recs[-1][1] == "assign" else None
    return isinstance(source, cst.Call) and (directory_labels(dataset_source(source), records, at)
                                             or returns_directory(source, facts))  # `folder_batches(root)`


def _second_of_pair(name: str, targets) -> bool:
    """`name` is the second of two names unpacked (`images, labels = ...`)."""
    return any(isinstance(t, (cst.Tuple, cst.List)) and len(t.elements) == 2
               and isinstance(t.elements[1].value, cst.Name) and t.elements[1].value.value == name for t in targets)


def _other_labels(node, at: int, facts, records: dict, depth: int) -> bool:
    popped = _popped_column(node)
    if isinstance(node, cst.Subscript) or popped is not None:
        read = (node.func.value.value, popped) if popped is not None else read_column(node)
        if read is not None:
            # `df["class"]` (or `df.pop("class")`) as its last write made it (`df["class"] =
            # df["class"].map({...})`, an in-place replace); a frame's other columns are features
            frame, column = read
            writes = [(i, value) for (i, name), (columns, value) in _column_writes(facts).items()
                      if i < at and name == frame and columns == {column}]
            if writes:
                i, value = max(writes, key=lambda w: w[0])
                return _labels(value, i, facts, records, depth + 1)
            # `df = load(path)` with `df["up"] = (…).astype(int)` in load, or `D.FRAME["up"]` of a
            # frame a data module binds: the column as the code that made the frame writes it
            origins = column_origins(frame, column, at, facts, records)
            return bool(origins) and all(
                origin[0] in ("write", "given") and (origin[0] == "given" or origin[3] == {column})
                and _labels(origin[2], origin[1], other, theirs, depth + 1) for other, theirs, origin in origins)
        if any(isinstance(getattr(e.slice, "value", None), cst.SimpleString) for e in node.slice):
            return False  # a column picked by name: a one-hot frame's other columns are features
        if isinstance(node.value, cst.Call) and _call_name(node.value) == "factorize" and _index(node) == 0:
            return True  # `pd.factorize(s)[0]`: the class codes
        if _index(node) == 1 and _labelled_batch(node.value, at, facts, records):
            return True  # `batches[0][1]`: one batch's labels
        if _index(node) == 1 and isinstance(node.value, cst.Name) and not records.get(node.value.value) \
                and _loop_labels(node.value.value, ((1, None),), at, facts, records):
            return True  # `elem[1]` of `for i, elem in enumerate(skip_grams)`
        return _labels(node.value, at, facts, records, depth + 1)
    if isinstance(node, cst.Attribute):
        if node.attr.value in ("values", "T"):
            return _labels(node.value, at, facts, records, depth + 1)
        if node.attr.value == "target" and isinstance(node.value, cst.Name):
            recs = [r for r in records.get(node.value.value, ()) if r[0] < at and r[1] == "assign"]
            return bool(recs) and isinstance(recs[-1][2], cst.Call) and _call_name(recs[-1][2]) in _LABEL_GENERATORS
        if isinstance(node.value, cst.Name) and node.value.value == "self":
            # `self.valid` a GAN's trainer set in another of its methods (`self.valid = np.ones(patch)`):
            # labels when every value any method gives it is (the order of methods is not known)
            if f"self.{node.attr.value}" in facts.stratified:
                return True  # a method of the class splits stratified by it
            writes = _self_writes(facts).get(node.attr.value, ())
            return bool(writes) and all(_labels(value, i, facts, records, depth + 1) for i, value in writes)
        held = _instance_class(node, at, facts, records)
        if held is not None and f"self.{held[2]}" in held[1].stratified:
            return True  # `task.y` of a data class whose method splits stratified by its `self.y`
        if held is not None:
            # `data.y` of a data class whose methods set `self.y = to_categorical(...)`: labels when
            # every value they give it is
            values = _instance_attribute(node, at, facts, records)
            if values is not None and all(_labels(v, len(values[0].assignments), values[0], _records(values[0]),
                                                  depth + 1) for v in values[1]):
                return True
        parts = attribute_parts(node, at, facts, records)  # `data.LABELS`, `split.y`
        return parts is not None and all(_labels(item, i, parts[0], parts[1], depth + 1) for i, item in parts[2])
    if isinstance(node, cst.Comparison):
        return True
    if isinstance(node, cst.ListComp):
        elt = node.elt
        if isinstance(elt, (cst.List, cst.Tuple)) and len(elt.elements) == 1:
            elt = elt.elements[0].value  # `[[lab] for lab in labels]`: a column of them
        if isinstance(elt, cst.Name) and node.for_in.inner_for_in is None \
                and isinstance(node.for_in.target, cst.Name) and node.for_in.target.value == elt.value:
            return _labels(node.for_in.iter, at, facts, records, depth + 1)  # the labels iterated over
        return _labels(node.elt, at, facts, records, depth + 1)  # `[np.random.randint(0, 2) for _ in ...]`
    if isinstance(node, cst.BinaryOperation) and isinstance(node.left, (cst.List, cst.Tuple)) \
            and isinstance(node.operator, cst.Multiply):
        return _labels(node.left, at, facts, records, depth + 1)  # `[1] * batch_size`
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add) \
            and isinstance(node.left, (cst.List, cst.Tuple, cst.BinaryOperation)):
        # `[1] * n + [0] * n`: the lists joined are labels each
        return _labels(node.left, at, facts, records, depth + 1) and _labels(node.right, at, facts, records, depth + 1)
    if isinstance(node, (cst.List, cst.Tuple)):
        values = _literal_numbers(node, [])
        if values is not None:
            return bool(values) and set(values) <= {0, 1}
        # np.array((label1, label2, …)): rows that are themselves labels
        return bool(node.elements) and not any(isinstance(e, cst.StarredElement) for e in node.elements) \
            and all(_labels(e.value, at, facts, records, depth + 1) or _const(e.value) in (0, 1)
                    for e in node.elements)
    if isinstance(node, cst.Call):
        name = _call_name(node)
        func = node.func
        if name in _LABEL_CALLS or name == "get_dummies":
            return True
        if name == "cast" and isinstance(func, cst.Attribute) and node.args and not node.args[0].star:
            return _labels(node.args[0].value, at, facts, records, depth + 1)  # `tf.cast(s >= 0.5, tf.float32)`
        if name == "factorize" and isinstance(node, cst.Call):
            return False  # (codes, uniques): the codes are `[0]` of it, read as a subscript below
        if name in _FILLS:
            return True  # `np.ones((batch, 1))` real / `np.zeros(...)` fake: a GAN discriminator's labels
        if _binary_draw(node):
            return True  # `ys.append(np.random.randint(0, 2))`: a coin flip per sample
        if name in ("map", "replace", "apply") and isinstance(func, cst.Attribute) and _codes_as_bits(node, facts):
            return True  # `df["Churn"].map({"Yes": 1, "No": 0})`: class names coded as 0 / 1
        if name == "full" and len(node.args) >= 2 and _const(node.args[1].value) in (0, 1):
            return True
        if name in ("eq", "ne", "gt", "ge", "lt", "le", "isin", "isna", "isnull", "notna", "notnull") \
                and isinstance(func, cst.Attribute) and not (isinstance(func.value, cst.Name) and func.value.value in ("np", "numpy")):
            return True  # `df["label"].eq("spam")`, `s.isin(["rock", "metal"])`: pandas comparisons, booleans
        if name in ("isin", "equal", "greater", "less", "greater_equal", "less_equal", "not_equal", "isnan") \
                and isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value in ("np", "numpy"):
            return True  # `np.isin(genres, ["rock", "metal"])`: element-wise booleans
        if name == "eval" and isinstance(func, cst.Attribute) and node.args \
                and isinstance(node.args[0].value, cst.SimpleString) and _compares(node.args[0].value):
            return True  # `df.eval("score >= 50")`: a comparison pandas evaluates, booleans
        if name == "astype" and isinstance(func, cst.Attribute):
            if node.args and _is_bool_type(node.args[0].value):
                return True
            return _labels(func.value, at, facts, records, depth + 1)
        if name in ("fit_transform", "transform") and isinstance(func, cst.Attribute) \
                and _is_label_encoder(func.value, at, records, facts):
            return True
        if name == "where" and len(node.args) == 3 and all(_const(a.value) in (0, 1) for a in node.args[1:]):
            return True
        if isinstance(func, cst.Attribute) and (name in _PEEL_METHODS or name == "tolist"):
            return _labels(func.value, at, facts, records, depth + 1)
        args = [a for a in node.args if a.keyword is None and not a.star]
        if name in _PEEL_FUNCS and args and name not in ("concatenate", "stack", "vstack", "hstack", "column_stack"):
            return _labels(args[0].value, at, facts, records, depth + 1)
        if name in ("int", "float", "bool") and isinstance(func, cst.Name) and len(args) == 1 \
                and func.value not in records:
            return _labels(args[0].value, at, facts, records, depth + 1)  # `int(score >= 1.0)`: a 0 / 1
        if name in ("concatenate", "vstack", "hstack", "stack", "column_stack") and args \
                and isinstance(args[0].value, (cst.Tuple, cst.List)):
            # `np.concatenate((np.zeros(n), np.ones(m)))`: labels when every array joined is
            return _labels(args[0].value, at, facts, records, depth + 1)
        own = func.value if isinstance(func, cst.Name) else func.attr.value if isinstance(func, cst.Attribute) \
            and isinstance(func.value, cst.Name) and func.value.value == "self" else None
        if own is not None and own in records:
            # `y = step(x)`: what the function returns, when every return it ran so far is labels
            # (`onehot = lambda s: np.array([int(s >= 1), int(s < 1)])`: what its body gives); a
            # method of the class alike (`self.model.fit(X, self.convert_y(y))`)
            returns = [(i, value.body if isinstance(value, cst.Lambda) else value)
                       for i, kind, value in records[own] if i < at and kind == "assign"]
            return bool(returns) and all(value is not None and _labels(value, i, facts, records, depth + 1)
                                         for i, value in returns)
        if own is not None and isinstance(func, cst.Attribute):
            # `self.convert_y(y)` inherited from a base class of another module (sktime-dl's
            # BaseDeepClassifier): what its every return gives, read in that module
            inherited = _inherited_returns(facts, own)
            if inherited:
                return all(_labels(value, i, other, theirs, depth + 1) for other, theirs, i, value in inherited)
        found = _project_items(node, (), facts, records)  # `y = load_labels()` of a data module
        return found is not None and all(_labels(item, i, found[0], found[1], depth + 1) for i, item in found[2])
    return False


def _compares(string: cst.SimpleString) -> bool:
    """The expression a pandas `eval` / `query` string holds is a comparison (or comparisons joined
    by `&`, `|`, `and`, `or`, `not`): booleans per row. An assignment (`"c = a > b"`) gives a frame."""
    try:
        tree = ast.parse(string.evaluated_value.strip(), mode="eval").body
    except (SyntaxError, ValueError, TypeError):
        return False

    def boolean(node) -> bool:
        if isinstance(node, ast.Compare):
            return True
        if isinstance(node, ast.BoolOp):
            return all(boolean(v) for v in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitAnd, ast.BitOr)):
            return boolean(node.left) and boolean(node.right)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.Invert)):
            return boolean(node.operand)
        return False
    return boolean(tree)


def _inherited_returns(facts: KerasFacts, method: str) -> list:
    """[(the facts of the module, its records, index, value returned)] for each `return` of `method`
    as the classes of this file inherit it from a base class of a project module (the file's classes
    not defining it themselves); [] when none does, or a base defining it cannot be read."""
    from regr_lint.model.importers import _class_method, _module_facts
    from regr_lint.model.trees import project_module

    imported = facts._cache.get("project_classes", {})
    out, seen = [], set()
    for stmt in facts.module.body:
        if not isinstance(stmt, cst.ClassDef) or _class_method(facts.module, stmt.name.value, method) is not None:
            continue
        for base in stmt.bases:
            found = imported.get(base.value.value) if isinstance(base.value, cst.Name) else None
            if found is None or found in seen or found[0] == facts.path:
                continue
            seen.add(found)
            if _class_method(project_module(found[0]), found[1], method) is None:
                continue
            other = _module_facts(found[0])
            if other is None:
                return []
            theirs = _records(other)
            returns = [(i, value) for i, kind, value in theirs.get(method, ()) if kind == "assign"]
            if not returns:
                return []
            out += [(other, theirs, i, value) for i, value in returns]
    return out


_FILLS = frozenset({"zeros", "ones", "zeros_like", "ones_like"})


def _self_writes(facts: KerasFacts) -> dict[str, list]:
    """{attribute: [(index, value)] of every `self.<attribute> = value` the file's code ran} (a
    write in any form but a plain assignment — augmented, unpacked, a tuple — leaves the attribute
    out: what it holds is not known)."""
    key = "dataflow_self_writes"
    known = facts._cache.get(key)
    if known is None:
        known, unknown = {}, set()
        for i, (targets, value) in enumerate(facts.assignments):
            for target in targets:
                if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) \
                        and target.value.value == "self":
                    if len(targets) == 1 and isinstance(value, cst.BaseExpression):
                        known.setdefault(target.attr.value, []).append((i, value))
                    else:
                        unknown.add(target.attr.value)
                elif isinstance(target, (cst.Tuple, cst.List)):
                    unknown.update(e.value.attr.value for e in target.elements
                                   if isinstance(e.value, cst.Attribute) and isinstance(e.value.value, cst.Name)
                                   and e.value.value.value == "self")
        for attr in unknown:
            known.pop(attr, None)
        facts._cache[key] = known
    return known


def _codes_as_bits(call: cst.Call, facts: Optional[KerasFacts] = None) -> bool:
    """A pandas `.map` / `.replace` / `.apply` that codes each value as 0 or 1: a dict of two or more
    entries whose values are all 0 / 1 (`{"Yes": 1, "No": 0}`), `.replace(["No", "Yes"], [0, 1])`, a
    function `lambda v: 1 if v == "Yes" else 0` — or a function of the file or of a project module
    every `return` of which is a literal 0 or 1 (`.apply(good_or_bad)`)."""
    args = [a.value for a in call.args if a.keyword is None and not a.star]
    if not args:
        return False
    first = args[0]
    if isinstance(first, cst.Dict):
        values = [e.value for e in first.elements if isinstance(e, cst.DictElement)]
        return len(values) == len(first.elements) >= 2 and all(_const(v) in (0, 1) for v in values)
    if isinstance(first, (cst.List, cst.Tuple)) and len(args) == 2 and isinstance(args[1], (cst.List, cst.Tuple)):
        values = _literal_numbers(args[1], [])
        return bool(values) and len(values) >= 2 and set(values) <= {0, 1}
    if isinstance(first, cst.Lambda) and isinstance(first.body, cst.IfExp):
        return _const(first.body.body) in (0, 1) and _const(first.body.orelse) in (0, 1)
    if isinstance(first, cst.Name) and facts is not None and call.func.attr.value in ("map", "apply"):
        fdef = _named_function(facts, first.value)
        returns = _returns_of(fdef) if fdef is not None else []
        return len(returns) >= 2 and all(r.value is not None and _const(r.value) in (0, 1) for r in returns)
    return False


def _named_function(facts: KerasFacts, name: str):
    """The `def` a name of the file stands for: the file's own top-level function, or one a project
    module defines and the file imports by name (and binds nothing else to); None otherwise."""
    own = _top_function_in(facts.module, name)
    if own is not None or not facts.path or name in _records(facts):
        return own
    found = _imported_function(facts.path, name)
    return _top_function(*found) if found is not None else None


def _binary_draw(node: cst.Call) -> bool:
    """A random draw of 0 or 1: `np.random.randint(0, 2)`, `rng.integers(2)`, `random.randint(0, 1)`
    (the standard library's includes its upper bound), `np.random.choice([0, 1])`, a Bernoulli draw
    `np.random.binomial(1, p, size)` (one trial: 0 or 1)."""
    func = node.func
    if not isinstance(func, cst.Attribute) or _dotted_tail(func.value) not in _RANDOM_MODULES:
        return False
    name = func.attr.value
    if name == "choice":
        first = node.args[0].value if node.args and node.args[0].keyword is None else None
        values = _literal_numbers(first, []) if isinstance(first, (cst.List, cst.Tuple)) else None
        return bool(values) and set(values) <= {0, 1}
    if name == "binomial":
        trials = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == "n"), None)
        if trials is None and node.args and node.args[0].keyword is None and not node.args[0].star:
            trials = node.args[0].value
        return _const(trials) == 1
    if name not in ("randint", "integers"):
        return False
    if _dotted_tail(func.value) == "random" and name == "randint":
        bounds = [_const(a.value) for a in node.args if a.keyword is None and not a.star]
        return len(bounds) == 2 and bounds[0] == 0 and bounds[1] in (0, 1)
    span = _draw_span(name, node)
    return span is not None and span.lo == 0 and span.hi in (0, 1)


def _zero_or_one_literal(node, depth: int = 0) -> bool:
    """`0`, `1`, or a conditional choosing between such (`0 if "cat" in fname else 1`)."""
    if isinstance(node, cst.IfExp) and depth < 4:
        return _zero_or_one_literal(node.body, depth + 1) and _zero_or_one_literal(node.orelse, depth + 1)
    return _const(node) in (0, 1)


def _labels_by_writes(name: str, recs: list, facts) -> bool:
    """`y = np.zeros((n, 1)); y[hit, 0] = 1.0`: an array of zeros (or ones) whose every write since
    puts a 0 or a 1 into it holds 0/1 labels."""
    k = len(recs) - 1
    writes = 0
    while k >= 0 and recs[k][1] == "assign" and recs[k][2] is None:
        targets, value = facts.assignments[recs[k][0]]
        if isinstance(value, cst.AugAssign) or not _zero_or_one(value, facts):
            return False
        if not targets or not all(isinstance(t, cst.Subscript) and isinstance(t.value, cst.Name)
                                  and t.value.value == name for t in targets):
            return False
        writes += 1
        k -= 1
    if not writes or k < 0 or recs[k][1] != "assign":
        return False
    fill = recs[k][2]
    return isinstance(fill, cst.Call) and _call_name(fill) in _FILLS


_COMPLEMENTS = {frozenset({"GreaterThan", "LessThanEqual"}), frozenset({"GreaterThanEqual", "LessThan"})}


def _labels_by_threshold(name: str, recs: list, facts) -> bool:
    """`y[y > 0.5] = 1` then `y[y <= 0.5] = 0` (in either order): every value replaced by 0 or 1 on
    the two sides of one threshold — a mask binarised in place."""
    if len(recs) < 2 or any(r[1] != "assign" or r[2] is not None for r in recs[-2:]):
        return False
    sides = []
    for i, _, _ in recs[-2:]:
        targets, value = facts.assignments[i]
        if isinstance(value, cst.AugAssign) or len(targets) != 1 or _const(value) not in (0, 1):
            return False
        target = targets[0]
        index = getattr(target.slice[0].slice, "value", None) if isinstance(target, cst.Subscript) \
            and isinstance(target.value, cst.Name) and target.value.value == name and len(target.slice) == 1 else None
        if not isinstance(index, cst.Comparison) or len(index.comparisons) != 1 \
                or not isinstance(index.left, cst.Name) or index.left.value != name:
            return False
        test = index.comparisons[0]
        threshold = _const(test.comparator)
        if threshold is None:
            return False
        sides.append((type(test.operator).__name__, threshold, _const(value)))
    (op1, t1, v1), (op2, t2, v2) = sides
    return t1 == t2 and {v1, v2} == {0, 1} and frozenset({op1, op2}) in _COMPLEMENTS


def _zero_or_one(value, facts) -> bool:
    """A literal 0 or 1, or a name every value of which in the file is one (a helper's `label`
    parameter its calls give 1 and 0: `tags[k] = label`)."""
    given = literal_values(value, name_values(facts))
    return bool(given) and all(v in (0, 1) for v in given)


def _labels_by_mask(name: str, assignment) -> bool:
    """`y[y == "R"] = 0`: class names replaced by 0 / 1 through a mask that compares with a string."""
    targets, value = assignment
    if _const(value) not in (0, 1):
        return False
    for target in targets:
        if isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name) and target.value.value == name:
            for element in target.slice:
                index = getattr(element.slice, "value", None)
                if isinstance(index, cst.Comparison) and any(
                        isinstance(c.comparator, cst.SimpleString) for c in index.comparisons):
                    return True
    return False


def _is_bool_type(node) -> bool:
    if isinstance(node, cst.Name):
        return node.value == "bool"
    if isinstance(node, cst.Attribute):
        return node.attr.value in ("bool", "bool_")
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value in ("bool", "bool_", "?")
    return False


def _is_label_encoder(node, at: int, records: dict, facts: KerasFacts) -> bool:
    """`LabelEncoder()`, a name last assigned one, or an attribute of `self` every method sets to one
    (`self.onehot_encoder = OneHotEncoder(sparse_output=False)`)."""
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self":
        writes = _self_writes(facts).get(node.attr.value, ())
        return bool(writes) and all(isinstance(v, cst.Call) and _call_name(v) in _LABEL_ENCODERS for _, v in writes)
    if isinstance(node, cst.Name):
        recs = [r for r in records.get(node.value, ()) if r[0] < at and r[1] == "assign"]
        node = recs[-1][2] if recs else None
    return isinstance(node, cst.Call) and _call_name(node) in _LABEL_ENCODERS


def dataset_label_names(facts: KerasFacts) -> set:
    """Names bound to the labels of a `keras.datasets` loader: `(x_train, y_train), (x_test, y_test) =
    mnist.load_data()` gives {"y_train", "y_test"} (once per file)."""
    cached = facts._cache.get("dataset_labels")
    if cached is not None:
        return cached
    out: set = set()
    for targets, value in facts.assignments:
        if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute)
                and value.func.attr.value == "load_data"
                and _dotted_tail(value.func.value).rpartition(".")[2] in _LABEL_DATASETS):
            continue
        for target in targets:
            if not isinstance(target, (cst.Tuple, cst.List)):
                continue
            for part in target.elements:
                pair = part.value
                if isinstance(pair, (cst.Tuple, cst.List)) and len(pair.elements) == 2 \
                        and isinstance(pair.elements[1].value, cst.Name):
                    out.add(pair.elements[1].value.value)
    facts._cache["dataset_labels"] = out
    return out


# ---------------------------------------------------------------- targets that can be negative
# RL106's evidence, read like the spans above (flow-sensitively, as the names are at the `fit`): a
# source that certainly yields values of both signs (standardised or centred data, returns, noise,
# sin / cos, make_regression targets, a min-max range below 0), followed through the operations
# that keep both signs (slices, windows, reshapes, scaling by a constant or a spread). Anything else
# is unknown, and unknown is never evidence.


def _generator_labels(facts: KerasFacts, training) -> bool:
    """`fit(batches(images, masks))` where every `yield` of the generator function gives class labels
    as its targets (`yield x / 255.0, (m > 127).astype("float32")`)."""
    # also `fit(PairSeq(...))`, `fit(stream)`: a class whose `__getitem__` (a Sequence) or `__next__`
    # (an iterator) returns each batch (only the labels are read there: how a Sequence's targets are
    # scaled, or where they are read from, is RL102's own reading of its `__getitem__`)
    found = _generator_targets(facts, training, classes=True)
    if found is None:
        return False
    other, targets = found
    records = _records(other)
    return all(_labels(target, len(other.assignments), other, records, 0) for target in targets)
