using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Reverse mode's first pass: spans that view part of an array become two ints, their offset and length into it.
/// Afterwards every element read or written names its root (a parameter or a local array), whose gradient the
/// reverse sweep adds into at the same index; only call arguments keep slices, so a callee's gradient lands in the
/// right part of the caller's.
/// </summary>
internal sealed class Views
{
    private readonly Dictionary<string, View> _views = [];
    private readonly HashSet<string> _roots = [];
    private readonly Names _names;

    private Views(MethodSpec method, Names names)
    {
        _names = names;
        foreach (var parameter in method.Parameters.Where(p => p.IsArray))
        {
            _roots.Add(parameter.Name);
        }

        // A sequence local is a root when it is ever given a new array; any other is a view of one (the parser
        // checked that a view always views the same array).
        Find(method.Body);
    }

    /// <summary>The body with every view replaced by its root, offset and length.</summary>
    public static Block Lower(MethodSpec method, Names names)
    {
        var views = new Views(method, names);
        return views.LowerBlock(method.Body);
    }

    /// <summary>A span local that views part of a root: its element i is <c>Root[Offset + i]</c>.</summary>
    private sealed record View(string Root, string Offset, string Length);

    private void Find(Block block)
    {
        var pending = new List<(string Name, Expr Value)>();
        foreach (var statement in Nesting.All(block))
        {
            Collect(statement, pending);
        }

        foreach (var (name, value) in pending.Where(p => p.Value is NewArray))
        {
            _roots.Add(name);
        }

        // Views of views: resolve until every view names a root.
        bool changed;
        do
        {
            changed = false;
            foreach (var (name, value) in pending)
            {
                if (_roots.Contains(name) || _views.ContainsKey(name))
                {
                    continue;
                }

                var source = value switch
                {
                    Variable v => v.Name,
                    Slice { Sequence: Variable v } => v.Name,
                    _ => null,
                };
                var root = source is null ? null : _roots.Contains(source) ? source : _views.TryGetValue(source, out var view) ? view.Root : null;
                if (root is not null)
                {
                    _views[name] = new View(root, _names.Fresh(name + "Offset"), _names.Fresh(name + "Length"));
                    changed = true;
                }
            }
        }
        while (changed);

        foreach (var (name, _) in pending.Where(p => !_roots.Contains(p.Name) && !_views.ContainsKey(p.Name)))
        {
            throw new System.InvalidOperationException($"The span '{name}' views no array the generator can follow");
        }
    }

    /// <summary>A sequence one statement declares or assigns, with its value (the statements inside it are collected on their own).</summary>
    private static void Collect(Stmt statement, List<(string, Expr)> pending)
    {
        switch (statement)
        {
            case Declare { Kind: ValueKind.DoubleArray or ValueKind.IntArray, Value: { } value } declare:
                pending.Add((declare.Name, value));
                break;
            case Assign { Value.Kind: ValueKind.DoubleArray or ValueKind.IntArray } assign:
                pending.Add((assign.Name, assign.Value));
                break;
        }
    }

    private Block LowerBlock(Block block) => new(block.Statements.SelectMany(Lower).ToEquatableArray());

    private IEnumerable<Stmt> Lower(Stmt statement)
    {
        switch (statement)
        {
            case Declare { Value: null } declare when _views.TryGetValue(declare.Name, out var view):
                return [new Declare(view.Offset, ValueKind.Int, null), new Declare(view.Length, ValueKind.Int, null)];
            case Declare declare when _views.TryGetValue(declare.Name, out var view):
                {
                    var (offset, length) = Bounds(Expr(declare.Value!));
                    return [new Declare(view.Offset, ValueKind.Int, offset), new Declare(view.Length, ValueKind.Int, length)];
                }

            case Assign assign when _views.TryGetValue(assign.Name, out var view):
                {
                    // Both bounds from the old ones: the length first into a temporary when it reads the offset.
                    var (offset, length) = Bounds(Expr(assign.Value));
                    if (!Reads(length, view.Offset))
                    {
                        return [new Assign(view.Offset, offset), new Assign(view.Length, length)];
                    }

                    var temporary = _names.Temporary();
                    return [new Declare(temporary, ValueKind.Int, length), new Assign(view.Offset, offset), new Assign(view.Length, new Variable(temporary, ValueKind.Int))];
                }

            case Declare declare:
                return [declare with { Value = declare.Value is null ? null : Expr(declare.Value) }];
            case Assign assign:
                return [assign with { Value = Expr(assign.Value) }];
            case ElementAssign element when _views.TryGetValue(element.Sequence, out var view):
                return [new ElementAssign(view.Root, Plus(new Variable(view.Offset, ValueKind.Int), Expr(element.Index)), Expr(element.Value), element.Form)];
            case ElementAssign element:
                return [element with { Index = Expr(element.Index), Value = Expr(element.Value) }];
            case If conditional:
                return [new If(Expr(conditional.Condition), LowerBlock(conditional.Then), conditional.Else is null ? null : LowerBlock(conditional.Else))];
            case Loop loop:
                return [new Loop(LowerBlock(loop.Before), loop.Condition is null ? null : Expr(loop.Condition), loop.ConditionAtBottom, LowerBlock(loop.Body), LowerBlock(loop.Next))];
            case Return ret:
                return [new Return(Expr(ret.Value))];
            case CallWithGradient call:
                return [call with { Call = (UserCall)Expr(call.Call) }];
            case Block block:
                return [LowerBlock(block)];
            default:
                return [statement];
        }
    }

    /// <summary>The offset into its root and the length of a sequence value: a variable or a slice of one.</summary>
    private (Expr Offset, Expr Length) Bounds(Expr sequence) => sequence switch
    {
        Slice { Sequence: Variable root } slice => (slice.Start, slice.Count),
        Variable root => (new Constant(0, ValueKind.Int), new Length(root)),
        _ => throw new System.InvalidOperationException($"A span is set to {sequence.GetType().Name}, not to an array or a slice"),
    };

    /// <summary>
    /// An expression with its views resolved: a view becomes the slice of its root it stands for, and element reads,
    /// lengths and slices of slices fold into their root (the map runs bottom-up, so inner slices come first).
    /// </summary>
    private Expr Expr(Expr expr) => Rewriter.Map(expr, e => e switch
    {
        Variable v when _views.TryGetValue(v.Name, out var view) =>
            new Slice(new Variable(view.Root, v.Kind), new Variable(view.Offset, ValueKind.Int), new Variable(view.Length, ValueKind.Int), v.Kind),
        ElementRead { Sequence: Slice inner } read => read with { Sequence = inner.Sequence, Index = Plus(inner.Start, read.Index) },
        Length { Sequence: Slice inner } => inner.Count,
        Slice { Sequence: Slice inner } slice => slice with { Sequence = inner.Sequence, Start = Plus(inner.Start, slice.Start) },
        _ => e,
    });

    private static Expr Plus(Expr offset, Expr index) =>
        offset is Constant { Value: 0 } ? index
        : index is Constant { Value: 0 } ? offset
        : new Binary(BinaryOp.Add, offset, index, ValueKind.Int);

    private static bool Reads(Expr expr, string name)
    {
        var reads = false;
        Rewriter.Map(expr, e =>
        {
            reads |= e is Variable v && v.Name == name;
            return e;
        });
        return reads;
    }
}
