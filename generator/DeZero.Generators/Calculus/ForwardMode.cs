using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Builds the body of <c>…WithGradient</c>: the method's own statements, in its own control flow,
/// each double assignment followed by its tangents (one per differentiated parameter), so every
/// branch, loop, early return and recursive call is differentiated exactly as it runs.
/// With the handful of parameters a method has, this costs what a reverse sweep would, and it
/// needs no tape: loops and recursion run forwards once, with no allocation.
/// </summary>
internal sealed class ForwardMode
{
    private readonly MethodSpec _method;
    private readonly string[] _parameters;
    private readonly Activity _activity;
    private readonly Names _names;
    private readonly Dictionary<(string Variable, int Parameter), string> _tangentNames = [];
    private readonly Dictionary<(string Variable, int Parameter), Expr> _constantTangents = [];
    private readonly Stack<ContinueTarget> _continueLabels = new();

    private ForwardMode(MethodSpec method)
    {
        _method = method;
        _parameters = method.Parameters.Where(p => p.IsDifferentiated).Select(p => p.Name).ToArray();
        _activity = Activity.Analyse(method, _parameters);
        _names = new Names(method);
    }

    /// <summary>The statements of the value-and-gradient method.</summary>
    public static Block Build(MethodSpec method)
    {
        var builder = new ForwardMode(method);
        var statements = new List<Stmt>();
        builder.DeclareParameterTangents(statements);
        builder.LowerBlock(method.Body, statements);
        return UnusedLocalFunctions.Drop(new Block(statements.ToEquatableArray()));
    }

    private void DeclareParameterTangents(List<Stmt> statements)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (!_activity.IsAssigned(parameter))
            {
                continue; // Its tangents are the constants 1 and 0; no variable needed.
            }

            for (var p = 0; p < _parameters.Length; p++)
            {
                if (_activity.IsActive(parameter, p))
                {
                    statements.Add(new Declare(TangentName(parameter, p), ValueKind.Double, Constant.Of(p == i ? 1 : 0)));
                }
            }
        }
    }

    private void LowerBlock(Block block, List<Stmt> output)
    {
        foreach (var statement in block.Statements)
        {
            Lower(statement, output);
        }
    }

    private Block LowerNested(Block block)
    {
        var output = new List<Stmt>();
        LowerBlock(block, output);
        return new Block(output.ToEquatableArray());
    }

    private void Lower(Stmt statement, List<Stmt> output)
    {
        switch (statement)
        {
            case Declare { Kind: ValueKind.Double } declare:
                {
                    if (declare.Value is null)
                    {
                        output.Add(declare);
                        foreach (var p in ActiveParameters(declare.Name))
                        {
                            output.Add(new Declare(TangentName(declare.Name, p), ValueKind.Double, null));
                        }

                        break;
                    }

                    var (value, tangents) = LowerExpr(declare.Value, output);
                    output.Add(declare with { Value = value });
                    foreach (var p in ActiveParameters(declare.Name))
                    {
                        var tangent = tangents[p] ?? Constant.Zero;
                        if (tangent is Constant && !_activity.IsAssigned(declare.Name))
                        {
                            // Never reassigned: every use sees this constant, which then folds away.
                            _constantTangents[(declare.Name, p)] = tangent;
                            continue;
                        }

                        output.Add(new Declare(TangentName(declare.Name, p), ValueKind.Double, tangent));
                    }

                    break;
                }

            case Assign assign when _activity.KindOf(assign.Name) == ValueKind.Double:
                {
                    // Tangents first: they read the old value of the variable, as the new value does.
                    var (value, tangents) = LowerExpr(assign.Value, output);
                    foreach (var p in ActiveParameters(assign.Name))
                    {
                        var tangentName = TangentName(assign.Name, p);
                        var tangent = tangents[p] ?? Constant.Zero;
                        if (tangent is not Variable { Name: var same } || same != tangentName)
                        {
                            output.Add(new Assign(tangentName, tangent, AssignmentForm.Compound)); // x += c leaves dx as it is: no dx = dx; dx = dx + e reads dx += e.
                        }
                    }

                    output.Add(assign with { Value = value });
                    break;
                }

            case Declare or Assign or Break:
                output.Add(statement);
                break;
            case Throw or VoidCall:
                output.Add(statement); // Run as written, never differentiated.
                break;
            case LocalFunction local:
                // The function as written, for the calls that take its value only, and beside it its own value and gradient,
                // differentiated as a method is.
                output.Add(local);
                if (local.Gradient is { } gradient)
                {
                    var asMethod = _method with { Name = local.Name, Parameters = local.Parameters, Body = local.Body, Vectorize = false };
                    output.Add(new LocalGradient(gradient, local.Parameters, Build(asMethod)));
                }

                break;
            case Continue:
                var continueTarget = _continueLabels.Peek();
                continueTarget.Used |= continueTarget.Label is not null;
                output.Add(continueTarget.Label is { } label ? new Goto(label) : statement);
                break;
            case Block block:
                output.Add(LowerNested(block));
                break;
            case If conditional:
                output.Add(new If(conditional.Condition, LowerNested(conditional.Then), conditional.Else is null ? null : LowerNested(conditional.Else)));
                break;
            case Loop loop:
                {
                    var before = LowerNested(loop.Before);
                    var nextFitsHeader = loop.ConditionAtBottom ? loop.Next.Statements.Count == 0 : loop.Next.Statements.All(IsPlain);
                    if (FitsForHeader(before) && nextFitsHeader)
                    {
                        _continueLabels.Push(new ContinueTarget(null));
                        output.Add(loop with { Before = before, Body = LowerNested(loop.Body) });
                        _continueLabels.Pop();
                        break;
                    }

                    // Incrementors that update tangents (and the effects of a do loop's condition) become statements
                    // at the end of the body, and continue jumps to them, so they still run on every iteration.
                    var target = new ContinueTarget(loop.Next.Statements.Count == 0 ? null : _names.Fresh("next"));
                    _continueLabels.Push(target);
                    var body = LowerNested(loop.Body).Statements.ToList();
                    _continueLabels.Pop();
                    if (target.Used)
                    {
                        body.Add(new Label(target.Label!));
                    }

                    body.AddRange(LowerNested(loop.Next).Statements);
                    var rewritten = new Loop(Block.Empty, loop.Condition, loop.ConditionAtBottom, new Block(body.ToEquatableArray()), Block.Empty);
                    output.Add(before.Statements.Count == 0 ? rewritten : new Block(before.Statements.Concat([rewritten]).ToEquatableArray()));
                    break;
                }

            case Return ret:
                {
                    var (value, tangents) = LowerExpr(ret.Value, output);
                    var values = new List<Expr> { value };
                    values.AddRange(tangents.Select(t => t ?? Constant.Zero));
                    output.Add(new ReturnTuple(values.ToEquatableArray()));
                    break;
                }

            default:
                throw new System.InvalidOperationException($"Unexpected statement {statement.GetType().Name}");
        }
    }

    /// <summary>A for header takes one declaration or a list of assignments.</summary>
    private static bool FitsForHeader(Block before) =>
        before.Statements.Count <= 1 ? before.Statements.All(s => s is Declare { Value: not null } or Assign)
        : before.Statements.All(s => s is Assign);

    /// <summary>An incrementor that stays in a for header: an assignment that updates no tangent.</summary>
    private bool IsPlain(Stmt statement) => statement is Assign assign && _activity.KindOf(assign.Name) != ValueKind.Double;

    /// <summary>
    /// Lowers an expression: returns its value (inline where it is used once) and its tangent for each
    /// parameter, null where it is structurally zero. Statements for temporaries go to <paramref name="output"/>.
    /// </summary>
    private (Expr Value, Expr?[] Tangents) LowerExpr(Expr expr, List<Stmt> output)
    {
        var none = new Expr?[_parameters.Length];
        if (expr.Kind != ValueKind.Double || !_activity.IsActive(expr))
        {
            return (expr, none);
        }

        switch (expr)
        {
            case Variable variable:
                return (variable, _parameters.Select((_, p) => Tangent(variable.Name, p)).ToArray());
            case Conditional conditional:
                return LowerConditional(conditional, output);
            case UserCall call:
                return LowerCall(call, output);
            case Binary { Op: BinaryOp.Multiply } product when Derivatives.ScaledSquare(product) is { } square:
                return LowerScaledSquare(product, square.Coefficient, square.Operand, output);
            case Unary { Operand: var operand } unary:
                return LowerOperation(unary, [operand], args => unary with { Operand = args[0] }, output);
            case Binary { Left: var left, Right: var right } binary:
                return LowerOperation(binary, [left, right], args => binary with { Left = args[0], Right = args[1] }, output);
            case MathCall call:
                return LowerOperation(call, call.Arguments.ToArray(), args => call with { Arguments = args.ToEquatableArray() }, output);
            default:
                return (expr, none);
        }
    }

    private (Expr Value, Expr?[] Tangents) LowerOperation(Expr operation, Expr[] arguments, System.Func<Expr[], Expr> rebuild, List<Stmt> output)
    {
        var lowered = arguments.Select(a => LowerExpr(a, output)).ToArray();

        // Rules are written over placeholders; an argument (or the result) they mention is then
        // computed once into a temporary, so the value and its derivatives share it.
        var placeholders = arguments.Select((a, i) => (Expr)new Variable("$" + i, a.Kind)).ToArray();
        var result = new Variable("$t", ValueKind.Double);
        var partials = Derivatives.Partials(rebuild(placeholders), result)
            ?? throw new System.InvalidOperationException($"No derivative rule for {operation}");
        var used = new HashSet<string>();
        for (var i = 0; i < lowered.Length; i++)
        {
            if (lowered[i].Tangents.Any(t => t is not null))
            {
                CollectVariables(partials[i], used);
            }
        }

        for (var i = 0; i < lowered.Length; i++)
        {
            if (used.Contains("$" + i))
            {
                lowered[i] = Materialize(lowered[i], output);
            }
        }

        var atoms = lowered.Select(l => l.Value).ToArray();
        var value = rebuild(atoms);
        Expr resultValue = value;
        if (used.Contains("$t"))
        {
            var name = _names.Temporary();
            output.Add(new Declare(name, ValueKind.Double, value));
            resultValue = new Variable(name, ValueKind.Double);
        }

        // Each partial in terms of the real arguments; one that several tangents need is computed once.
        var factors = new Expr[lowered.Length];
        for (var i = 0; i < lowered.Length; i++)
        {
            factors[i] = Simplifier.Simplify(Substitute(partials[i], atoms, resultValue));
            if (lowered[i].Tangents.Count(t => t is not null) > 1 && factors[i] is not (Variable or Constant))
            {
                var name = _names.Temporary();
                output.Add(new Declare(name, ValueKind.Double, factors[i]));
                factors[i] = new Variable(name, ValueKind.Double);
            }
        }

        var tangents = ChainRule(factors, lowered.Select(l => l.Tangents).ToArray());

        return (resultValue, tangents);
    }

    /// <summary>c·s·s: s is computed once, and the derivative is the one product of <see cref="Derivatives.ScaledSquareDerivative"/>.</summary>
    private (Expr Value, Expr?[] Tangents) LowerScaledSquare(Binary product, double coefficient, Expr operand, List<Stmt> output)
    {
        // s is read twice and gets a name; each tangent is read once and stays inline, where the simplifier can fold it.
        var (value, ds) = LowerExpr(operand, output);
        var s = Named(value, output);

        // The value exactly as written, (c * s) * s with s read twice; only the derivative is regrouped.
        var left = product.Left.Equals(operand) ? s
            : product.Left is Binary { Left: Constant } scaled ? scaled with { Right = s }
            : ((Binary)product.Left) with { Left = s };
        var tangents = ds.Select(d => d is null ? null : Simplifier.Simplify(Derivatives.ScaledSquareDerivative(coefficient, s, d))).ToArray();
        return (product with { Left = left, Right = s }, tangents);
    }

    /// <summary>Gives a lowered value and its tangents names of their own, so they can be read more than once.</summary>
    private (Expr Value, Expr?[] Tangents) Materialize((Expr Value, Expr?[] Tangents) lowered, List<Stmt> output)
    {
        var value = Named(lowered.Value, output);
        var tangents = lowered.Tangents.ToArray();
        for (var p = 0; p < tangents.Length; p++)
        {
            if (tangents[p] is { } tangent and not (Variable or Constant))
            {
                var name = _names.Fresh("d" + (((Variable)value).Name) + "_d" + (_parameters[p]));
                output.Add(new Declare(name, ValueKind.Double, tangent));
                tangents[p] = new Variable(name, ValueKind.Double);
            }
        }

        return (value, tangents);
    }

    /// <summary>A value as a variable, a constant or a field: a new temporary unless it already is one.</summary>
    private Expr Named(Expr value, List<Stmt> output)
    {
        if (value is Variable or Constant or FieldReference)
        {
            return value;
        }

        var name = _names.Temporary();
        output.Add(new Declare(name, value.Kind, value));
        return new Variable(name, value.Kind);
    }

    private (Expr Value, Expr?[] Tangents) LowerConditional(Conditional conditional, List<Stmt> output)
    {
        // Only the branch taken is evaluated, value and derivative alike.
        var name = _names.Temporary();
        var tangentNames = _parameters.Select(p => _names.Fresh("d" + name + "_d" + (p))).ToArray();
        output.Add(new Declare(name, ValueKind.Double, null));
        foreach (var tangentName in tangentNames)
        {
            output.Add(new Declare(tangentName, ValueKind.Double, null));
        }

        Block Branch(Expr branch)
        {
            var statements = new List<Stmt>();
            var (value, tangents) = LowerExpr(branch, statements);
            statements.Add(new Assign(name, value));
            for (var p = 0; p < tangentNames.Length; p++)
            {
                statements.Add(new Assign(tangentNames[p], tangents[p] ?? Constant.Zero));
            }

            return new Block(statements.ToEquatableArray());
        }

        output.Add(new If(conditional.Condition, Branch(conditional.WhenTrue), Branch(conditional.WhenFalse)));
        return (new Variable(name, ValueKind.Double), tangentNames.Select(t => (Expr?)new Variable(t, ValueKind.Double)).ToArray());
    }

    private (Expr Value, Expr?[] Tangents) LowerCall(UserCall call, List<Stmt> output)
    {
        var arguments = call.Arguments.Select(a => LowerExpr(a, output)).ToArray();
        var name = _names.Temporary();
        var partialNames = new OptionalName[arguments.Length];
        var partialIndex = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (call.Differentiated[i])
            {
                partialIndex++;
                if (arguments[i].Tangents.Any(t => t is not null))
                {
                    partialNames[i] = new OptionalName(_names.Fresh(name + "_d" + partialIndex));
                }
            }
        }

        var lowered = call with { Arguments = arguments.Select(a => a.Value).ToEquatableArray() };
        var partials = new List<OptionalName>();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (call.Differentiated[i])
            {
                partials.Add(partialNames[i]);
            }
        }

        output.Add(new CallWithGradient(name, partials.ToEquatableArray(), lowered));
        // An argument whose tangents are all zero has no partial (a discard): its factor is never read.
        var factors = partialNames.Select(n => n.Name is { } partial ? new Variable(partial, ValueKind.Double) : (Expr)Constant.Zero).ToArray();
        var tangents = ChainRule(factors, arguments.Select(a => a.Tangents).ToArray());
        return (new Variable(name, ValueKind.Double), tangents);
    }

    /// <summary>The chain rule: for each parameter, the sum over arguments of partial times the argument's tangent.</summary>
    private Expr?[] ChainRule(Expr[] factors, Expr?[][] argumentTangents)
    {
        var tangents = new Expr?[_parameters.Length];
        for (var p = 0; p < tangents.Length; p++)
        {
            Expr? sum = null;
            for (var i = 0; i < factors.Length; i++)
            {
                if (argumentTangents[i][p] is { } tangent)
                {
                    var term = Expressions.Mul(factors[i], tangent);
                    sum = sum is null ? term : Expressions.Add(sum, term);
                }
            }

            tangents[p] = sum is null ? null : Simplifier.Simplify(sum);
        }

        return tangents;
    }

    private Expr? Tangent(string variable, int parameter)
    {
        if (!_activity.IsActive(variable, parameter))
        {
            return null;
        }

        if (!_activity.IsAssigned(variable) && _parameters[parameter] == variable)
        {
            return Constant.One;
        }

        if (_constantTangents.TryGetValue((variable, parameter), out var constant))
        {
            return Simplifier.IsZero(constant) ? null : constant;
        }

        return new Variable(TangentName(variable, parameter), ValueKind.Double);
    }

    private IEnumerable<int> ActiveParameters(string variable) =>
        Enumerable.Range(0, _parameters.Length).Where(p => _activity.IsActive(variable, p));

    private string TangentName(string variable, int parameter)
    {
        if (!_tangentNames.TryGetValue((variable, parameter), out var name))
        {
            name = _names.Fresh("d" + (variable) + "_d" + (_parameters[parameter]));
            _tangentNames[(variable, parameter)] = name;
        }

        return name;
    }

    private static void CollectVariables(Expr expr, HashSet<string> names)
    {
        switch (expr)
        {
            case Variable v: names.Add(v.Name); break;
            case Unary u: CollectVariables(u.Operand, names); break;
            case Binary b: CollectVariables(b.Left, names); CollectVariables(b.Right, names); break;
            case Conditional c: CollectVariables(c.Condition, names); CollectVariables(c.WhenTrue, names); CollectVariables(c.WhenFalse, names); break;
            case MathCall m: foreach (var a in m.Arguments) { CollectVariables(a, names); } break;
            case Model.Convert c: CollectVariables(c.Operand, names); break;
        }
    }

    /// <summary>Replaces the placeholders of a rule (<c>$0</c>, <c>$1</c>, … and <c>$t</c>) by the real arguments and result.</summary>
    private static Expr Substitute(Expr expr, Expr[] arguments, Expr result) =>
        Rewriter.Map(expr, e => e switch
        {
            Variable { Name: "$t" } => result,
            Variable v when v.Name.StartsWith("$", System.StringComparison.Ordinal) =>
                arguments[int.Parse(v.Name.Substring(1), System.Globalization.CultureInfo.InvariantCulture)],
            _ => e,
        });

    /// <summary>Where a <c>continue</c> inside the loop being lowered goes: a label, or the loop itself.</summary>
    private sealed class ContinueTarget(string? label)
    {
        public string? Label { get; } = label;

        public bool Used { get; set; }
    }
}
