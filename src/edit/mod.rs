//! The plan workbench's text edits (the page's «编辑预案»): a plan file's TOML text is read into an
//! outline the forms are drawn from, and edited as text through `toml_edit`, so every part the user
//! does not touch keeps its formatting and comments, and the same text always prints the same bytes.
//!
//! Pure: no browser, no clock. `outline(text)` lists every table (the root, `[plan]`, each
//! `[[facts]]` entry …) with its key path, its fields (inline tables such as `cite = { … }` flattened
//! into `cite.line`) and the line it starts on; `apply(text, edits)` sets or removes a key and adds
//! or removes an array-of-tables entry. Every refusal is a Chinese message naming the key path.

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use toml_edit::{ArrayOfTables, DocumentMut, ImDocument, InlineTable, Item, Table, Value};

pub mod keys;
pub use keys::Offer;

/// One step of a key path: a key, or an index into an array (of tables).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Seg {
    Index(usize),
    Key(String),
}

/// A value as the outline shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// The key path inside its table (`["cite", "line"]` for `cite = { line = … }`).
    pub key: Vec<String>,
    /// `string`, `integer`, `float`, `boolean`, `datetime` or `array`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The value as JSON (an array of plain values or objects for `array`; text for `datetime`).
    pub value: Json,
}

/// One table of the file (the root's own keys are the table with an empty path).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableOutline {
    /// From the document root: keys and array indexes.
    pub path: Vec<Seg>,
    /// The key path as the checker writes it: `grading.axes[0](deaths).bands[2]`.
    pub name: String,
    /// 1-based line of its header (the root: 1).
    pub line: usize,
    pub fields: Vec<Field>,
    /// The kind of table: its key path without indexes (`grading.axes.bands`).
    pub kind: String,
    /// Keys the model accepts here that the table does not have yet («添加字段»; `keys::offers`).
    pub addable: Vec<Offer>,
    /// Optional keys the table has, which may be removed.
    pub removable: Vec<Vec<String>>,
}

/// An array of tables (`[[facts]]`), so the forms can add to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArrayOutline {
    pub path: Vec<Seg>,
    pub name: String,
    pub len: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outline {
    pub tables: Vec<TableOutline>,
    pub arrays: Vec<ArrayOutline>,
}

/// One edit of `apply`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    /// Sets the value at `path` (the last step is the key), keeping the old value's spacing and
    /// trailing comment; a JSON number that is whole stays an integer unless the old value was a float.
    Set { path: Vec<Seg>, value: Json },
    /// Removes the key (or the array entry) at `path`.
    Remove { path: Vec<Seg> },
    /// Appends a table to the array of tables at `path` (created if absent), with these keys in
    /// this order (`[[key, value], …]`: a JSON object would not keep its order).
    Add {
        path: Vec<Seg>,
        #[serde(default)]
        value: Vec<(String, Json)>,
    },
}

/// The key path as the checker prints it (`facts[3](deaths).cite`).
fn show(path: &[Seg]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// A table's kind: its key path without the array indexes (`grading.axes.bands`).
pub fn kind_of(path: &[Seg]) -> String {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
        .collect();
    keys.join(".")
}

fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn syntax(e: toml_edit::TomlError) -> String {
    let msg = e.message().trim().to_string();
    format!("TOML 语法错误:{msg}")
}

/// The outline of a plan file's text, or the syntax error.
pub fn outline(text: &str) -> Result<Outline, String> {
    let doc = ImDocument::parse(text).map_err(syntax)?;
    let mut out = Outline {
        tables: Vec::new(),
        arrays: Vec::new(),
    };
    walk(text, doc.as_table(), &mut Vec::new(), "", &mut out);
    out.tables.sort_by_key(|t| t.line);
    Ok(out)
}

fn walk(text: &str, table: &Table, path: &mut Vec<Seg>, name: &str, out: &mut Outline) {
    let mut fields = Vec::new();
    for (k, item) in table.iter() {
        match item {
            Item::Value(v) => flatten(vec![k.to_string()], v, &mut fields),
            Item::Table(t) if t.is_dotted() => dotted(vec![k.to_string()], t, &mut fields),
            _ => {}
        }
    }
    if !fields.is_empty() || !table.is_implicit() {
        let line = table.span().map_or(1, |s| line_of(text, s.start));
        let kind = kind_of(path);
        let present: Vec<Vec<String>> = fields.iter().map(|f| f.key.clone()).collect();
        let (addable, removable) = keys::offers(&kind, &present);
        out.tables.push(TableOutline {
            path: path.clone(),
            name: name.to_string(),
            line,
            fields,
            kind,
            addable,
            removable,
        });
    }
    for (k, item) in table.iter() {
        let sub = if name.is_empty() {
            k.to_string()
        } else {
            format!("{name}.{k}")
        };
        match item {
            Item::Table(t) if !t.is_dotted() => {
                path.push(Seg::Key(k.to_string()));
                walk(text, t, path, &sub, out);
                path.pop();
            }
            Item::ArrayOfTables(a) => {
                path.push(Seg::Key(k.to_string()));
                out.arrays.push(ArrayOutline {
                    path: path.clone(),
                    name: sub.clone(),
                    len: a.len(),
                });
                for (i, t) in a.iter().enumerate() {
                    let id = t
                        .get("id")
                        .and_then(|v| v.as_str())
                        .map(|id| format!("({id})"))
                        .unwrap_or_default();
                    path.push(Seg::Index(i));
                    walk(text, t, path, &format!("{sub}[{i}]{id}"), out);
                    path.pop();
                }
                path.pop();
            }
            _ => {}
        }
    }
}

fn dotted(key: Vec<String>, t: &Table, fields: &mut Vec<Field>) {
    for (k, item) in t.iter() {
        let mut sub = key.clone();
        sub.push(k.to_string());
        match item {
            Item::Value(v) => flatten(sub, v, fields),
            Item::Table(t) => dotted(sub, t, fields),
            _ => {}
        }
    }
}

fn flatten(key: Vec<String>, v: &Value, fields: &mut Vec<Field>) {
    if let Value::InlineTable(t) = v {
        for (k, v) in t.iter() {
            let mut sub = key.clone();
            sub.push(k.to_string());
            flatten(sub, v, fields);
        }
        return;
    }
    let kind = match v {
        Value::String(_) => "string",
        Value::Integer(_) => "integer",
        Value::Float(_) => "float",
        Value::Boolean(_) => "boolean",
        Value::Datetime(_) => "datetime",
        Value::Array(_) | Value::InlineTable(_) => "array",
    };
    fields.push(Field {
        key,
        kind,
        value: to_json(v),
    });
}

fn to_json(v: &Value) -> Json {
    match v {
        Value::String(s) => Json::String(s.value().clone()),
        Value::Integer(i) => Json::from(*i.value()),
        Value::Float(f) => {
            serde_json::Number::from_f64(*f.value()).map_or(Json::Null, Json::Number)
        }
        Value::Boolean(b) => Json::Bool(*b.value()),
        Value::Datetime(d) => Json::String(d.value().to_string()),
        Value::Array(a) => Json::Array(a.iter().map(to_json).collect()),
        Value::InlineTable(t) => {
            Json::Object(t.iter().map(|(k, v)| (k.to_string(), to_json(v))).collect())
        }
    }
}

/// A TOML value from JSON; `float` keeps a whole number a float (the old value was one).
fn from_json(j: &Json, float: bool, at: &str) -> Result<Value, String> {
    Ok(match j {
        Json::String(s) => Value::from(s.as_str()),
        Json::Bool(b) => Value::from(*b),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) if !float => Value::from(i),
            (_, Some(f)) if f.is_finite() => Value::from(f),
            _ => return Err(format!("{at}: 数值 {n} 无法写入预案文件")),
        },
        Json::Array(items) => {
            let mut a = toml_edit::Array::new();
            for item in items {
                a.push(from_json(item, false, at)?);
            }
            Value::Array(a)
        }
        Json::Object(map) => {
            let mut t = InlineTable::new();
            for (k, v) in map {
                t.insert(k, from_json(v, false, at)?);
            }
            Value::InlineTable(t)
        }
        Json::Null => return Err(format!("{at}: 空值不能写入预案文件(要删除此项请用“删除”)")),
    })
}

/// A container a path step can lead to.
enum Node<'a> {
    Table(&'a mut Table),
    Inline(&'a mut InlineTable),
    Tables(&'a mut ArrayOfTables),
    Array(&'a mut toml_edit::Array),
    Leaf,
}

fn node_of_item(item: &mut Item) -> Node<'_> {
    match item {
        Item::Table(t) => Node::Table(t),
        Item::ArrayOfTables(a) => Node::Tables(a),
        Item::Value(v) => node_of_value(v),
        Item::None => Node::Leaf,
    }
}

fn node_of_value(v: &mut Value) -> Node<'_> {
    match v {
        Value::InlineTable(t) => Node::Inline(t),
        Value::Array(a) => Node::Array(a),
        _ => Node::Leaf,
    }
}

fn step<'a>(node: Node<'a>, seg: &Seg, at: &str) -> Result<Node<'a>, String> {
    let missing = || format!("{at}: 预案文件中没有这一项");
    match (node, seg) {
        (Node::Table(t), Seg::Key(k)) => t.get_mut(k).map(node_of_item).ok_or_else(missing),
        (Node::Inline(t), Seg::Key(k)) => t.get_mut(k).map(node_of_value).ok_or_else(missing),
        (Node::Tables(a), Seg::Index(i)) => a.get_mut(*i).map(Node::Table).ok_or_else(missing),
        (Node::Array(a), Seg::Index(i)) => a.get_mut(*i).map(node_of_value).ok_or_else(missing),
        _ => Err(format!("{at}: 路径与预案文件的结构不符")),
    }
}

fn parent<'a>(doc: &'a mut DocumentMut, path: &[Seg]) -> Result<Node<'a>, String> {
    let mut node = Node::Table(doc.as_table_mut());
    for (i, seg) in path.iter().enumerate() {
        node = step(node, seg, &show(&path[..=i]))?;
    }
    Ok(node)
}

fn apply_one(doc: &mut DocumentMut, edit: &Edit) -> Result<(), String> {
    match edit {
        Edit::Set { path, value } => {
            let at = show(path);
            let (last, up) = path.split_last().ok_or("修改:路径为空")?;
            let node = parent(doc, up)?;
            let set = |old: Option<&Value>| -> Result<Value, String> {
                let float = matches!(old, Some(Value::Float(_)));
                let mut new = from_json(value, float, &at)?;
                if let Some(old) = old {
                    *new.decor_mut() = old.decor().clone();
                }
                Ok(new)
            };
            match (node, last) {
                (Node::Table(t), Seg::Key(k)) => {
                    let old = t.get(k).and_then(Item::as_value);
                    let new = set(old)?;
                    match t.get_mut(k) {
                        Some(item @ Item::Value(_)) => *item = Item::Value(new),
                        Some(_) => return Err(format!("{at}: 这是一个表,不能直接改为一个值")),
                        None => {
                            t.insert(k, Item::Value(new));
                        }
                    }
                }
                (Node::Inline(t), Seg::Key(k)) => {
                    let mut new = set(t.get(k))?;
                    // A new key goes last: it takes the old last value's space before the `}`
                    // (`line = 1174, line_end = 1175 }`, not `line = 1174 , line_end = 1175 }`).
                    if !t.contains_key(k) {
                        if let Some((_, last)) = t.iter_mut().last() {
                            if let Some(suffix) = last.decor().suffix().cloned() {
                                last.decor_mut().set_suffix("");
                                new.decor_mut().set_suffix(suffix);
                            }
                        }
                    }
                    t.insert(k, new);
                }
                (Node::Array(a), Seg::Index(i)) if *i < a.len() => {
                    let new = set(a.get(*i))?;
                    a.replace(*i, new);
                }
                _ => return Err(format!("{at}: 路径与预案文件的结构不符")),
            }
        }
        Edit::Remove { path } => {
            let at = show(path);
            let (last, up) = path.split_last().ok_or("删除:路径为空")?;
            let gone = match (parent(doc, up)?, last) {
                (Node::Table(t), Seg::Key(k)) => t.remove(k).is_some(),
                (Node::Inline(t), Seg::Key(k)) => {
                    // The last key's space before the `}` stays with the new last one.
                    let was_last = t.iter().last().is_some_and(|(last, _)| last == k);
                    let gone = t.remove(k);
                    if let (true, Some(gone)) = (was_last, &gone) {
                        if let (Some(suffix), Some((_, last))) =
                            (gone.decor().suffix().cloned(), t.iter_mut().last())
                        {
                            last.decor_mut().set_suffix(suffix);
                        }
                    }
                    gone.is_some()
                }
                (Node::Tables(a), Seg::Index(i)) if *i < a.len() => {
                    a.remove(*i);
                    true
                }
                (Node::Array(a), Seg::Index(i)) if *i < a.len() => {
                    a.remove(*i);
                    true
                }
                _ => false,
            };
            if !gone {
                return Err(format!("{at}: 预案文件中没有这一项,无法删除"));
            }
        }
        Edit::Add { path, value } => {
            let at = show(path);
            let (last, up) = path.split_last().ok_or("添加:路径为空")?;
            let mut table = Table::new();
            for (k, v) in value {
                table.insert(k, Item::Value(from_json(v, false, &format!("{at}.{k}"))?));
            }
            match (parent(doc, up)?, last) {
                (Node::Table(t), Seg::Key(k)) => {
                    let item = t
                        .entry(k)
                        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
                    match item {
                        Item::ArrayOfTables(a) => a.push(table),
                        _ => return Err(format!("{at}: 这一项不是表的数组([[{at}]]),不能添加")),
                    }
                }
                _ => return Err(format!("{at}: 路径与预案文件的结构不符")),
            }
        }
    }
    Ok(())
}

/// The text with the edits applied in order, or the first edit refused (with its key path).
pub fn apply(text: &str, edits: &[Edit]) -> Result<String, String> {
    let mut doc: DocumentMut = text.parse().map_err(syntax)?;
    for e in edits {
        apply_one(&mut doc, e)?;
    }
    Ok(doc.to_string())
}
