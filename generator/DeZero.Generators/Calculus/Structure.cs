using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Reverse mode's second pass: the body in a form whose reverse is plain structure. Every local gets a name of its own
/// and is declared once, at the top; <c>break</c>, <c>continue</c> and every <c>return</c> become flags that guard what
/// follows them, so that what remains is assignments, <c>if</c>/<c>else</c>, <c>while</c> loops on a flag and counted
/// loops, ending in the one result.
/// </summary>
internal sealed class Structure
{
    private readonly Names _names;
    private readonly Dictionary<string, ValueKind> _declarations = [];
    private readonly string _result;
    private string? _returned;

    private Structure(Names names)
    {
        _names = names;
        _result = names.Fresh("result");
        _declarations[_result] = ValueKind.Double;
    }

    /// <summary>The structured body, its hoisted locals (name and kind, in order of first appearance) and the result's name.</summary>
    /// <param name="body">The body, its views lowered.</param>
    /// <param name="method">The method.</param>
    /// <param name="names">The method's names, which new locals avoid.</param>
    /// <param name="reserved">Names the sweeps give their own parameters: a local that has one is renamed.</param>
    public static (Block Body, IReadOnlyList<(string Name, ValueKind Kind)> Locals, string Result) Of(Block body, MethodSpec method, Names names, IReadOnlyList<string> reserved)
    {
        var unique = new Renamer(method, names, reserved).Block(body, new Dictionary<string, string>());
        var structure = new Structure(names);
        structure.DeclareReturnedIfNeeded(unique);
        var statements = structure.Statements(unique.Statements, loop: null);
        return (new Block(statements.ToEquatableArray()), structure._declarations.Select(d => (d.Key, d.Value)).ToArray(), structure._result);
    }

    /// <summary>The flags of the loop being structured: set by <c>break</c> and <c>continue</c> inside it.</summary>
    private sealed record LoopFlags(string Broke, string Continued);

    private List<Stmt> Statements(IReadOnlyList<Stmt> statements, LoopFlags? loop)
    {
        var output = new List<Stmt>();
        for (var i = 0; i < statements.Count; i++)
        {
            output.AddRange(Statement(statements[i], loop));
            var jumps = Jumps(statements[i], loop);
            if (jumps.Count > 0 && i + 1 < statements.Count)
            {
                // What follows a jump runs only when no jump was taken.
                var rest = Statements(statements.Skip(i + 1).ToArray(), loop);
                if (rest.Count > 0)
                {
                    output.Add(new If(new Unary(UnaryOp.Not, AnyOf(jumps), ValueKind.Bool), new Block(rest.ToEquatableArray()), null));
                }

                break;
            }
        }

        return output;
    }

    private IEnumerable<Stmt> Statement(Stmt statement, LoopFlags? loop)
    {
        switch (statement)
        {
            case Declare declare:
                _declarations[declare.Name] = declare.Kind;
                return declare.Value is null ? [] : [new Assign(declare.Name, declare.Value)];
            case Assign or ElementAssign:
                return [statement];
            case CallWithGradient call:
                // The body's call to a generated value and gradient declares its elements: declared at the top, like every local.
                foreach (var element in call.Partials.Select(p => p.Name).OfType<string>().Prepend(call.Value))
                {
                    _declarations[element] = ValueKind.Double;
                }

                return [call with { Declares = false }];
            case Block block:
                return Statements(block.Statements, loop);
            case If conditional:
                return [new If(conditional.Condition, Nested(conditional.Then.Statements, loop), conditional.Else is null ? null : Nested(conditional.Else.Statements, loop))];
            case Break:
                return [Set(loop!.Broke)];
            case Continue:
                return [Set(loop!.Continued)];
            case Return ret when _returned is null:
                // The one return, the method's last statement: nothing follows it to guard.
                return [new Assign(_result, ret.Value)];
            case Return ret:
                return [new Assign(_result, ret.Value), Set(_returned)];
            case Loop candidate when Counted(candidate) is { } counted:
                return counted;
            case Loop general:
                return Loop(general);
            default:
                throw new System.InvalidOperationException($"Unexpected statement {statement.GetType().Name}");
        }
    }

    private Block Nested(IReadOnlyList<Stmt> statements, LoopFlags? loop) => new(Statements(statements, loop).ToEquatableArray());

    /// <summary>
    /// <c>for (int i = start; i &lt; end; i++)</c> (or <c>&lt;=</c>) whose body neither assigns <c>i</c> nor anything
    /// <c>end</c> reads, and never breaks or returns: a counted loop.
    /// </summary>
    private IEnumerable<Stmt>? Counted(Loop loop)
    {
        if (loop.ConditionAtBottom
            || loop.Before.Statements is not [Declare { Kind: ValueKind.Int, Value: { } start, Name: var index }]
            || loop.Next.Statements is not [Assign { Name: var stepped, Value: Binary { Op: BinaryOp.Add, Left: Variable { Name: var read }, Right: Constant { Value: 1 } } }]
            || stepped != index || read != index
            || loop.Condition is not Binary { Op: BinaryOp.Less or BinaryOp.LessOrEqual, Left: Variable { Name: var compared }, Right: var end }
            || compared != index)
        {
            return null;
        }

        var assigned = Assigned(loop.Body);
        if (assigned.Contains(index) || Reads(end).Any(assigned.Contains) || Breaks(loop.Body) || Returns(loop.Body))
        {
            return null;
        }

        _declarations[index] = ValueKind.Int;
        var exclusiveEnd = ((Binary)loop.Condition).Op == BinaryOp.Less ? end : new Binary(BinaryOp.Add, end, new Constant(1, ValueKind.Int), ValueKind.Int);
        var flags = new LoopFlags(string.Empty, _names.Fresh("continued"));
        var body = Statements(loop.Body.Statements, flags);
        if (Continues(loop.Body))
        {
            _declarations[flags.Continued] = ValueKind.Bool;
            body.Insert(0, new Assign(flags.Continued, False));
        }

        return [new CountedLoop(index, start, exclusiveEnd, new Block(body.ToEquatableArray()))];
    }

    /// <summary>
    /// Any other loop, as <c>before; run = condition; while (run) { body; if (no break or return) { next; run = condition; } else run = false; }</c>.
    /// </summary>
    private IEnumerable<Stmt> Loop(Loop loop)
    {
        var output = Statements(loop.Before.Statements, null).ToList();
        var run = _names.Fresh("run");
        _declarations[run] = ValueKind.Bool;
        var flags = new LoopFlags(_names.Fresh("broke"), _names.Fresh("continued"));
        var condition = loop.Condition ?? True;
        var breaks = Breaks(loop.Body);
        if (breaks)
        {
            _declarations[flags.Broke] = ValueKind.Bool;
            output.Add(new Assign(flags.Broke, False));
        }

        output.Add(new Assign(run, loop.ConditionAtBottom ? True : condition));
        var body = Statements(loop.Body.Statements, flags);
        if (Continues(loop.Body))
        {
            _declarations[flags.Continued] = ValueKind.Bool;
            body.Insert(0, new Assign(flags.Continued, False));
        }

        var next = Statements(loop.Next.Statements, null);
        next.Add(new Assign(run, condition));
        var stops = new List<string>();
        if (breaks)
        {
            stops.Add(flags.Broke);
        }

        if (_returned is not null && Returns(loop.Body))
        {
            stops.Add(_returned);
        }

        if (stops.Count == 0)
        {
            body.AddRange(next);
        }
        else
        {
            body.Add(new If(new Unary(UnaryOp.Not, AnyOf(stops), ValueKind.Bool), new Block(next.ToEquatableArray()), new Block(EquatableArray.Of<Stmt>(new Assign(run, False)))));
        }

        output.Add(new Loop(Block.Empty, new Variable(run, ValueKind.Bool), ConditionAtBottom: false, new Block(body.ToEquatableArray()), Block.Empty));
        return output;
    }

    /// <summary>The flags a statement may set that stop what follows it in this block.</summary>
    private List<string> Jumps(Stmt statement, LoopFlags? loop)
    {
        var jumps = new List<string>();
        if (_returned is not null && Returns(statement))
        {
            jumps.Add(_returned);
        }

        if (loop is not null && Breaks(statement))
        {
            jumps.Add(loop.Broke);
        }

        if (loop is not null && Continues(statement))
        {
            jumps.Add(loop.Continued);
        }

        return jumps;
    }

    /// <summary>Declares the returned flag unless the one return is the method's last statement.</summary>
    private void DeclareReturnedIfNeeded(Block body)
    {
        var returns = Nesting.All(body).OfType<Return>().ToList();
        if (returns.Count != 1 || !ReferenceEquals(returns[0], body.Statements.LastOrDefault()))
        {
            _returned = _names.Fresh("returned");
            _declarations[_returned] = ValueKind.Bool;
        }
    }

    private static bool Returns(Stmt statement) => Any(statement, s => s is Return, intoLoops: true);

    private static bool Breaks(Stmt statement) => Any(statement, s => s is Break, intoLoops: false);

    private static bool Continues(Stmt statement) => Any(statement, s => s is Continue, intoLoops: false);

    private static bool Any(Stmt statement, System.Func<Stmt, bool> found, bool intoLoops) => statement switch
    {
        _ when found(statement) => true,
        Block block => block.Statements.Any(s => Any(s, found, intoLoops)),
        If conditional => Any(conditional.Then, found, intoLoops) || (conditional.Else is { } otherwise && Any(otherwise, found, intoLoops)),
        Loop loop when intoLoops => Any(loop.Before, found, intoLoops) || Any(loop.Body, found, intoLoops) || Any(loop.Next, found, intoLoops),
        _ => false,
    };

    private static HashSet<string> Assigned(Stmt statement) =>
        [.. Nesting.All(statement).Select(s => s switch
        {
            Assign assign => assign.Name,
            Declare declare => declare.Name,
            ElementAssign element => element.Sequence,
            _ => null,
        }).OfType<string>()];

    private static IEnumerable<string> Reads(Expr expr)
    {
        var names = new List<string>();
        Rewriter.Map(expr, e =>
        {
            if (e is Variable v)
            {
                names.Add(v.Name);
            }

            return e;
        });
        return names;
    }

    private static Expr AnyOf(List<string> flags) =>
        flags.Skip(1).Aggregate((Expr)new Variable(flags[0], ValueKind.Bool), (all, flag) => new Binary(BinaryOp.ConditionalOr, all, new Variable(flag, ValueKind.Bool), ValueKind.Bool));

    private static Assign Set(string flag) => new(flag, True);

    private static readonly Constant True = new(1, ValueKind.Bool);

    private static readonly Constant False = new(0, ValueKind.Bool);

    /// <summary>Gives every local declared more than once in the method (in sibling scopes) a name of its own.</summary>
    private sealed class Renamer(MethodSpec method, Names names, IReadOnlyList<string> reserved)
    {
        private readonly HashSet<string> _seen = [.. method.Parameters.Select(p => p.Name), .. reserved];

        public Block Block(Block block, Dictionary<string, string> scope)
        {
            var inner = new Dictionary<string, string>(scope);
            return new Block(block.Statements.Select(s => Statement(s, inner)).ToEquatableArray());
        }

        private Stmt Statement(Stmt statement, Dictionary<string, string> scope)
        {
            switch (statement)
            {
                case Declare declare:
                    {
                        var value = declare.Value is null ? null : Expr(declare.Value, scope);
                        var name = _seen.Add(declare.Name) ? declare.Name : names.Fresh(declare.Name);
                        _seen.Add(name);
                        scope[declare.Name] = name;
                        return new Declare(name, declare.Kind, value);
                    }

                case Assign assign:
                    return new Assign(Name(assign.Name, scope), Expr(assign.Value, scope), assign.Form);
                case ElementAssign element:
                    return new ElementAssign(Name(element.Sequence, scope), Expr(element.Index, scope), Expr(element.Value, scope), element.Form);
                case If conditional:
                    return new If(Expr(conditional.Condition, scope), Block(conditional.Then, scope), conditional.Else is null ? null : Block(conditional.Else, scope));
                case Loop loop:
                    {
                        var inner = new Dictionary<string, string>(scope);
                        var before = new Block(loop.Before.Statements.Select(s => Statement(s, inner)).ToEquatableArray());
                        return new Loop(before, loop.Condition is null ? null : Expr(loop.Condition, inner), loop.ConditionAtBottom, Block(loop.Body, inner), Block(loop.Next, inner));
                    }

                case Return ret:
                    return new Return(Expr(ret.Value, scope));
                case CallWithGradient call:
                    // Its elements are the parser's temporaries, unique in the method already.
                    _seen.UnionWith(call.Partials.Select(p => p.Name).OfType<string>().Prepend(call.Value));
                    return call with { Call = (UserCall)Expr(call.Call, scope) };
                case Block block:
                    return Block(block, scope);
                default:
                    return statement;
            }
        }

        private static string Name(string name, Dictionary<string, string> scope) => scope.TryGetValue(name, out var renamed) ? renamed : name;

        private static Expr Expr(Expr expr, Dictionary<string, string> scope) =>
            Rewriter.Map(expr, e => e is Variable v && scope.TryGetValue(v.Name, out var renamed) ? v with { Name = renamed } : e);
    }
}
