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
/// <remarks>
/// At order 2 (<see cref="BuildHessian"/>) the same walk carries, beside each first tangent, one second-order tangent
/// per pair of parameters p ≤ q (forward over forward, in one pass): the second-order chain rule
/// ∂²z/∂p∂q = Σᵢ fᵢ·∂²aᵢ/∂p∂q + Σᵢⱼ fᵢⱼ·∂aᵢ/∂p·∂aⱼ/∂q, with each rule's second partials fᵢⱼ derived from its first
/// (<see cref="Symbolic"/>), and calls chaining through their callee's own second derivatives. The tangents are
/// indexed by direction: the n parameters first, then the pairs (0,0), (0,1), …, (1,1), …, the order of the result.
/// </remarks>
internal sealed class ForwardMode
{
    private readonly MethodSpec _method;
    private readonly string[] _parameters;

    // Order 1: one direction per parameter. Order 2: those, then one per pair of parameters p <= q.
    private readonly (int P, int Q)[] _pairs;
    private readonly int _directions;
    private readonly Activity _activity;
    private readonly Names _names;
    private readonly Dictionary<(string Variable, int Parameter), string> _tangentNames = [];
    private readonly Dictionary<(string Variable, int Parameter), Expr> _constantTangents = [];
    private readonly Stack<ContinueTarget> _continueLabels = new();

    /// <summary>
    /// For each local function in scope, by the name of its value-and-gradient function (what its calls carry), the name
    /// of its second-derivative function: a local function's own body may call those declared around it.
    /// </summary>
    private readonly Dictionary<string, string> _localHessians;

    private ForwardMode(MethodSpec method, int order, Dictionary<string, string> localHessians)
    {
        _localHessians = localHessians;
        _method = method;
        _parameters = method.Parameters.Where(p => p.IsDifferentiated).Select(p => p.Name).ToArray();
        _pairs = order == 1 ? [] : Pairs(_parameters.Length);
        _directions = _parameters.Length + _pairs.Length;
        _activity = Activity.Analyse(method, _parameters);
        _names = new Names(method);
    }

    /// <summary>The statements of the value-and-gradient method.</summary>
    public static Block Build(MethodSpec method) => Build(method, 1);

    /// <summary>
    /// The statements of the value-gradient-and-Hessian method: they return the value, every first partial, then the
    /// upper triangle of the Hessian row by row. Throws <see cref="NoSecondDerivativesException"/> for a call whose
    /// callee has no second derivatives (a supplied derivative, a method of arrays).
    /// </summary>
    public static Block BuildHessian(MethodSpec method) => Build(method, 2);

    /// <summary>The pairs p ≤ q of <paramref name="n"/> parameters, row by row.</summary>
    public static (int P, int Q)[] Pairs(int n) =>
        [.. Enumerable.Range(0, n).SelectMany(p => Enumerable.Range(p, n - p).Select(q => (p, q)))];

    private static Block Build(MethodSpec method, int order, Dictionary<string, string>? outerHessians = null)
    {
        var localHessians = new Dictionary<string, string>(outerHessians ?? []);
        foreach (var local in Nesting.All(method.Body).OfType<LocalFunction>())
        {
            if (local is { Gradient: { } gradient, Hessian: { } hessian })
            {
                localHessians[gradient] = hessian;
            }
        }

        var builder = new ForwardMode(method, order, localHessians);
        var statements = new List<Stmt>();
        builder.DeclareParameterTangents(statements);
        builder.LowerBlock(method.Body, statements);
        return UnusedLocalFunctions.Drop(new Block(statements.ToEquatableArray()));
    }

    private bool SecondOrder => _pairs.Length > 0;

    private bool IsPair(int direction) => direction >= _parameters.Length;

    private (int P, int Q) Pair(int direction) => _pairs[direction - _parameters.Length];

    private void DeclareParameterTangents(List<Stmt> statements)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (!_activity.IsAssigned(parameter))
            {
                continue; // Its tangents are the constants 1 and 0; no variable needed.
            }

            for (var d = 0; d < _directions; d++)
            {
                if (IsActive(parameter, d))
                {
                    statements.Add(new Declare(TangentName(parameter, d), ValueKind.Double, Constant.Of(d == i ? 1 : 0)));
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
                    DeclareTangents(declare.Name, tangents, output);
                    break;
                }

            case CallWithGradient given:
                LowerGradientCall(given, output);
                break;

            case Assign assign when _activity.KindOf(assign.Name) == ValueKind.Double:
                {
                    // Tangents first: they read the old value of the variable, as the new value does; and second-order
                    // tangents before first, as they read the old first tangents.
                    var (value, tangents) = LowerExpr(assign.Value, output);
                    foreach (var p in ActiveParameters(assign.Name).OrderBy(d => IsPair(d) ? 0 : 1))
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
                // The function as written, for the calls that take its value only, and beside it its own value and gradient
                // (at order 2, its second derivatives), differentiated as a method is.
                output.Add(local);
                if ((SecondOrder ? local.Hessian : local.Gradient) is { } derivative)
                {
                    var asMethod = _method with { Name = local.Name, Parameters = local.Parameters, Body = local.Body, Vectorize = false };
                    output.Add(new LocalGradient(derivative, local.Parameters, Build(asMethod, SecondOrder ? 2 : 1, _localHessians), SecondOrder ? 2 : 1));
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

    /// <summary>The tangents of a variable just declared, each where it is not a constant that every use can fold.</summary>
    private void DeclareTangents(string name, Expr?[] tangents, List<Stmt> output)
    {
        foreach (var p in ActiveParameters(name))
        {
            var tangent = tangents[p] ?? Constant.Zero;
            if (tangent is Constant && !_activity.IsAssigned(name))
            {
                // Never reassigned: every use sees this constant, which then folds away.
                _constantTangents[(name, p)] = tangent;
                continue;
            }

            output.Add(new Declare(TangentName(name, p), ValueKind.Double, tangent));
        }
    }

    /// <summary>
    /// The body's own call to a generated value and gradient, <c>var (v, d1, …) = GWithGradient(args)</c>: the value's
    /// tangents chain through G's partials, each partial's through G's second derivatives, all from one call to the
    /// static <c>Hessian</c> of G's node kernel. At order 2 the partials would need G's third derivatives.
    /// </summary>
    private void LowerGradientCall(CallWithGradient given, List<Stmt> output)
    {
        var call = given.Call;
        var arguments = call.Arguments.Select(a => LowerExpr(a, output)).ToArray();
        var values = arguments.Select(a => a.Value).ToEquatableArray();
        if (!arguments.Any(a => a.Tangents.Any(t => t is not null)))
        {
            // Constant here: the call as written, its elements' tangents zero where a flow-insensitive activity reads them.
            output.Add(given with { Call = call with { Arguments = values } });
            foreach (var element in given.Partials.Select(p => p.Name).OfType<string>().Prepend(given.Value))
            {
                DeclareTangents(element, new Expr?[_directions], output);
            }

            return;
        }

        if (SecondOrder)
        {
            throw new NoSecondDerivativesException(
                $"it calls {GeneratedNames.WithGradient(call.Function.Name)}, whose derivatives are the second derivatives of {call.Function.Name}; "
                + "its own second derivatives would take the third, which are not written");
        }

        var differentiated = Enumerable.Range(0, arguments.Length).Where(i => call.Differentiated[i]).ToArray();
        var moves = differentiated.Select(i => arguments[i].Tangents.Any(t => t is not null)).ToArray();
        var elements = given.Partials.Select(p => p.Name).Prepend(given.Value).ToArray();
        var partials = Enumerable.Repeat<Expr>(Constant.Zero, arguments.Length).ToArray();
        var second = new Expr?[differentiated.Length, differentiated.Length];
        var targets = new List<OptionalName>(given.Partials);
        for (var a = 0; a < differentiated.Length; a++)
        {
            partials[differentiated[a]] = elements[a + 1] is { } partial ? new Variable(partial, ValueKind.Double) : Constant.Zero;
        }

        for (var a = 0; a < differentiated.Length; a++)
        {
            for (var b = a; b < differentiated.Length; b++)
            {
                // Read by partial a's tangent when argument b moves, and by partial b's when argument a does.
                var read = (moves[b] && elements[a + 1] is not null) || (moves[a] && elements[b + 1] is not null);
                var entry = read ? _names.Fresh(given.Value + "_d" + (a + 1) + (b + 1)) : null;
                targets.Add(new OptionalName(entry));
                if (entry is not null)
                {
                    second[a, b] = second[b, a] = new Variable(entry, ValueKind.Double);
                }
            }
        }

        output.Add(new CallWithGradient(given.Value, targets.ToEquatableArray(), call with { Arguments = values, Gradient = call.KernelHessian }, given.Declares));
        var argumentTangents = arguments.Select(a => a.Tangents).ToArray();
        DeclareTangents(given.Value, ChainRule(partials, argumentTangents), output);
        for (var a = 0; a < differentiated.Length; a++)
        {
            if (elements[a + 1] is { } partial)
            {
                var row = Enumerable.Repeat<Expr>(Constant.Zero, arguments.Length).ToArray();
                for (var b = 0; b < differentiated.Length; b++)
                {
                    row[differentiated[b]] = second[a, b] ?? Constant.Zero;
                }

                DeclareTangents(partial, ChainRule(row, argumentTangents), output);
            }
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
        var none = new Expr?[_directions];
        if (expr.Kind != ValueKind.Double || !_activity.IsActive(expr))
        {
            return (expr, none);
        }

        switch (expr)
        {
            case Variable variable:
                return (variable, Enumerable.Range(0, _directions).Select(d => Tangent(variable.Name, d)).ToArray());
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
        var second = SecondOrder ? SecondPartials(partials) : null;
        var used = new HashSet<string>();
        for (var i = 0; i < lowered.Length; i++)
        {
            if (lowered[i].Tangents.Any(t => t is not null))
            {
                CollectVariables(partials[i], used);
                for (var j = 0; second is not null && j < lowered.Length; j++)
                {
                    if (lowered[j].Tangents.Any(t => t is not null))
                    {
                        CollectVariables(second[i, j], used);
                    }
                }
            }
        }

        for (var i = 0; i < lowered.Length; i++)
        {
            // At order 2 an argument's tangents are read by several directions: named, they are computed once.
            if (used.Contains("$" + i) || (SecondOrder && lowered[i].Tangents.Any(t => t is not null)))
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

        var argumentTangents = lowered.Select(l => l.Tangents).ToArray();
        Expr?[,]? secondFactors = null;
        if (second is not null)
        {
            secondFactors = new Expr?[lowered.Length, lowered.Length];
            for (var i = 0; i < lowered.Length; i++)
            {
                for (var j = i; j < lowered.Length; j++)
                {
                    var uses = CrossUses(argumentTangents, i, j);
                    var factor = Simplifier.Simplify(Substitute(second[i, j], atoms, resultValue));
                    if (uses == 0 || Simplifier.IsZero(factor))
                    {
                        continue;
                    }

                    if (uses > 1 && factor is not (Variable or Constant))
                    {
                        var name = _names.Temporary();
                        output.Add(new Declare(name, ValueKind.Double, factor));
                        factor = new Variable(name, ValueKind.Double);
                    }

                    secondFactors[i, j] = factor;
                }
            }
        }

        var tangents = ChainRule(factors, argumentTangents, secondFactors);

        return (resultValue, tangents);
    }

    /// <summary>
    /// The second partials of a rule: each first partial differentiated again by each placeholder, the result <c>$t</c>
    /// contributing its own first partial.
    /// </summary>
    private static Expr[,] SecondPartials(Expr[] partials)
    {
        var second = new Expr[partials.Length, partials.Length];
        for (var i = 0; i < partials.Length; i++)
        {
            for (var j = 0; j < partials.Length; j++)
            {
                var by = "$" + j.ToString(System.Globalization.CultureInfo.InvariantCulture);
                second[i, j] = Simplifier.Simplify(Symbolic.Derivative(partials[i], name =>
                    name == by ? Constant.One : name == "$t" ? partials[j] : null));
            }
        }

        return second;
    }

    /// <summary>How many pair directions read the second factor of arguments i ≤ j.</summary>
    private int CrossUses(Expr?[][] argumentTangents, int i, int j) =>
        _pairs.Count(pair => Cross(argumentTangents, i, j, pair) is not null);

    /// <summary>∂aᵢ/∂p·∂aⱼ/∂q, plus ∂aⱼ/∂p·∂aᵢ/∂q when i ≠ j (the symmetric term of fᵢⱼ = fⱼᵢ), or null when zero.</summary>
    private static Expr? Cross(Expr?[][] argumentTangents, int i, int j, (int P, int Q) pair)
    {
        static Expr? Product(Expr? a, Expr? b) => a is null || b is null ? null : Expressions.Mul(a, b);

        var first = Product(argumentTangents[i][pair.P], argumentTangents[j][pair.Q]);
        var other = i == j ? null : Product(argumentTangents[j][pair.P], argumentTangents[i][pair.Q]);
        return first is null ? other : other is null ? first : Expressions.Add(first, other);
    }

    /// <summary>c·s·s: s is computed once, and the derivative is the one product of <see cref="Derivatives.ScaledSquareDerivative"/>.</summary>
    private (Expr Value, Expr?[] Tangents) LowerScaledSquare(Binary product, double coefficient, Expr operand, List<Stmt> output)
    {
        // s is read twice and gets a name; each tangent is read once and stays inline, where the simplifier can fold it
        // (at order 2 the first tangents are read again by the pairs, and get names too).
        var lowered = LowerExpr(operand, output);
        var (value, ds) = SecondOrder ? Materialize(lowered, output) : lowered;
        var s = Named(value, output);

        // The value exactly as written, (c * s) * s with s read twice; only the derivative is regrouped, and the first
        // derivatives are those of …WithGradient bit for bit. Second: 2c · (s'p · s'q + s · s''pq).
        var left = product.Left.Equals(operand) ? s
            : product.Left is Binary { Left: Constant } scaled ? scaled with { Right = s }
            : ((Binary)product.Left) with { Left = s };
        var tangents = new Expr?[ds.Length];
        for (var d = 0; d < ds.Length; d++)
        {
            if (!IsPair(d))
            {
                tangents[d] = ds[d] is { } first ? Simplifier.Simplify(Derivatives.ScaledSquareDerivative(coefficient, s, first)) : null;
                continue;
            }

            var (p, q) = Pair(d);
            Expr? cross = ds[p] is { } dp && ds[q] is { } dq ? Expressions.Mul(dp, dq) : null;
            Expr? curvature = ds[d] is { } second ? Expressions.Mul(s, second) : null;
            var sum = cross is null ? curvature : curvature is null ? cross : Expressions.Add(cross, curvature);
            tangents[d] = sum is null ? null : Simplifier.Simplify(Expressions.Mul(Expressions.C(2 * coefficient), sum));
        }

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
                var name = _names.Fresh(Stem(((Variable)value).Name, p));
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
        var tangentNames = Enumerable.Range(0, _directions).Select(d => _names.Fresh(Stem(name, d))).ToArray();
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
        if (SecondOrder)
        {
            return LowerCallWithHessian(call, arguments, output);
        }

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

    /// <summary>
    /// A call at order 2: the callee's value, partials and Hessian from its own second-derivative method (the static
    /// <c>Hessian</c> of its node's kernel), chained into the caller's tangents.
    /// </summary>
    private (Expr Value, Expr?[] Tangents) LowerCallWithHessian(UserCall call, (Expr Value, Expr?[] Tangents)[] arguments, List<Stmt> output)
    {
        if (call.Key is not null || call.TakesArrays || call.Gradient is null)
        {
            var what = call.Key is { } key ? key.Substring(2) : call.Function.Name;
            throw new NoSecondDerivativesException(call.Key is not null
                ? $"it calls {what}, whose derivative is supplied with [DerivativeOf], which gives first derivatives only"
                : $"it calls {what}, a method of arrays, whose derivatives are first order only");
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Tangents.Any(t => t is not null))
            {
                arguments[i] = Materialize(arguments[i], output);
            }
        }

        var name = _names.Temporary();
        var tangents = arguments.Select(a => a.Tangents).ToArray();
        var differentiated = Enumerable.Range(0, arguments.Length).Where(i => call.Differentiated[i]).ToArray();
        var factors = Enumerable.Repeat((Expr)Constant.Zero, arguments.Length).ToArray();
        var second = new Expr?[arguments.Length, arguments.Length];
        var targets = new List<OptionalName>();
        foreach (var i in differentiated)
        {
            var partial = tangents[i].Any(t => t is not null) ? _names.Fresh(name + "_d" + (targets.Count + 1)) : null;
            targets.Add(new OptionalName(partial));
            if (partial is not null)
            {
                factors[i] = new Variable(partial, ValueKind.Double);
            }
        }

        for (var a = 0; a < differentiated.Length; a++)
        {
            for (var b = a; b < differentiated.Length; b++)
            {
                var (i, j) = (differentiated[a], differentiated[b]);
                var entry = CrossUses(tangents, i, j) > 0 ? _names.Fresh(name + "_d" + (a + 1) + (b + 1)) : null;
                targets.Add(new OptionalName(entry));
                if (entry is not null)
                {
                    second[i, j] = new Variable(entry, ValueKind.Double);
                }
            }
        }

        var hessian = call.Function.Type.Length == 0 ? new MemberRef(string.Empty, _localHessians[call.Gradient.Name]) : call.KernelHessian;
        var lowered = call with { Arguments = arguments.Select(a => a.Value).ToEquatableArray(), Gradient = hessian };
        output.Add(new CallWithGradient(name, targets.ToEquatableArray(), lowered));
        return (new Variable(name, ValueKind.Double), ChainRule(factors, tangents, second));
    }

    /// <summary>
    /// The chain rule: for each parameter, the sum over arguments of partial times the argument's tangent; for each pair
    /// of parameters, the same over the arguments' second-order tangents plus each second partial times the arguments'
    /// first tangents (<paramref name="second"/>, at order 2: entries i ≤ j, null where zero).
    /// </summary>
    private Expr?[] ChainRule(Expr[] factors, Expr?[][] argumentTangents, Expr?[,]? second = null)
    {
        var tangents = new Expr?[_directions];
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

            for (var i = 0; second is not null && IsPair(p) && i < factors.Length; i++)
            {
                for (var j = i; j < factors.Length; j++)
                {
                    if (second[i, j] is { } factor && Cross(argumentTangents, i, j, Pair(p)) is { } cross)
                    {
                        var term = Expressions.Mul(factor, cross);
                        sum = sum is null ? term : Expressions.Add(sum, term);
                    }
                }
            }

            tangents[p] = sum is null ? null : Simplifier.Simplify(sum);
        }

        return tangents;
    }

    private Expr? Tangent(string variable, int parameter)
    {
        if (!IsActive(variable, parameter))
        {
            return null;
        }

        if (!_activity.IsAssigned(variable) && _parameters.Contains(variable))
        {
            // A parameter never reassigned: dx/dx = 1, and its second derivatives are 0.
            return IsPair(parameter) ? null : Constant.One;
        }

        if (_constantTangents.TryGetValue((variable, parameter), out var constant))
        {
            return Simplifier.IsZero(constant) ? null : constant;
        }

        return new Variable(TangentName(variable, parameter), ValueKind.Double);
    }

    private IEnumerable<int> ActiveParameters(string variable) =>
        Enumerable.Range(0, _directions).Where(d => IsActive(variable, d));

    /// <summary>A variable carries a second-order tangent for a pair when it depends on both parameters.</summary>
    private bool IsActive(string variable, int direction)
    {
        if (!IsPair(direction))
        {
            return _activity.IsActive(variable, direction);
        }

        var (p, q) = Pair(direction);
        return _activity.IsActive(variable, p) && _activity.IsActive(variable, q);
    }

    private string TangentName(string variable, int parameter)
    {
        if (!_tangentNames.TryGetValue((variable, parameter), out var name))
        {
            name = _names.Fresh(Stem(variable, parameter));
            _tangentNames[(variable, parameter)] = name;
        }

        return name;
    }

    /// <summary>The stem of a tangent's name: <c>dv_dx</c>, or <c>d2v_dxdy</c> for a pair.</summary>
    private string Stem(string variable, int direction)
    {
        if (!IsPair(direction))
        {
            return "d" + variable + "_d" + _parameters[direction];
        }

        var (p, q) = Pair(direction);
        return "d2" + variable + "_d" + _parameters[p] + "d" + _parameters[q];
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

/// <summary>Second derivatives cannot be written for a method: its message says why, for the exception the generated code throws instead.</summary>
internal sealed class NoSecondDerivativesException(string reason) : System.Exception(reason);
