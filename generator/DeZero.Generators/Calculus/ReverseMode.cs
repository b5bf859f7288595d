using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;
using static DeZero.Generators.Model.Expressions;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Reverse mode for methods with span or array parameters: a gradient of any number of parameters at a small constant
/// times one evaluation. Writes two sweeps over the method's own statements:
/// <list type="bullet">
/// <item>the forward sweep computes the value exactly as the method does and records on a tape what the reverse sweep
/// will need: the old value of a variable or element it overwrites that the reverse sweep reads, each branch taken,
/// each loop's trip count;</item>
/// <item>the reverse sweep runs the statements backwards, restoring each overwritten value from the tape, and adds each
/// statement's partial derivatives, times the adjoint of what it assigned, into the adjoints of what it read.</item>
/// </list>
/// A call to another array method runs that method's forward sweep on the same tape and, in the reverse sweep, its
/// reverse sweep: nothing is computed twice, recursion included.
/// </summary>
internal sealed class ReverseMode
{
    private readonly MethodSpec _method;
    private readonly Names _names;
    private readonly string _tape;
    private readonly string _seed;
    private readonly string _result;
    private readonly TapeCursor _cursor;
    private readonly Dictionary<string, ValueKind> _locals = [];
    private readonly Dictionary<string, string> _adjoints = [];
    private readonly Dictionary<string, ParameterSpec> _parameters;
    private readonly Dictionary<Stmt, List<Stmt>> _reverse = new(ByReference.Instance);
    private HashSet<string> _varied = [];

    /// <summary>The variables some statement assigns, and the arrays some statement writes an element of.</summary>
    private HashSet<string> _assigned = [];
    private HashSet<string> _written = [];

    /// <summary>The variables assigned by one statement outside any loop: after it, they never change.</summary>
    private HashSet<string> _assignedOnce = [];

    /// <summary>The variables the reverse sweep reads to run a counted loop back: fixed, but handed over all the same.</summary>
    private readonly HashSet<string> _boundReads = [];

    /// <summary>The variables and arrays some expression of the method reads: only their adjoints need clearing after a reassignment.</summary>
    private HashSet<string> _read = [];
    private HashSet<string> _useful = [];

    /// <summary>
    /// The assignments (statement and what it assigns; for an element write, the array) whose old value is pushed before
    /// them and restored in reverse: those that can run after a statement whose reverse reads that value.
    /// </summary>
    private HashSet<(Stmt Statement, string Name)> _undo = new(UndoComparer.Instance);

    /// <summary>
    /// The values (a variable, or all of an array's elements) a statement records as it reads them, for its reverse to
    /// take back: where they are overwritten in a deeper loop than they are read, recording each read costs less than
    /// undoing each write.
    /// </summary>
    private Dictionary<Stmt, List<string>> _checkpoints = new(ByReference.Instance);

    /// <summary>The forward sweep's counted loops (and loops over every element), with the bounds they run between.</summary>
    private readonly Dictionary<Stmt, (Expr Start, Expr End)> _countedForward = new(ByReference.Instance);

    private ReverseMode(MethodSpec method, Names names, string result, IReadOnlyList<(string Name, ValueKind Kind)> locals, string tape, string seed, TapeCursor cursor)
    {
        _cursor = cursor;
        _method = method;
        _names = names;
        _tape = tape;
        _seed = seed;
        _result = result;
        _parameters = method.Parameters.ToDictionary(p => p.Name);
        foreach (var (name, kind) in locals)
        {
            _locals[name] = kind;
        }
    }

    public static ReverseSpec Build(MethodSpec method)
    {
        var names = new Names(method);
        var reserved = method.Parameters.Where(p => p.IsDifferentiated).Select(p => p.GradientArgumentName).ToList();
        foreach (var name in reserved)
        {
            names.Reserve(name);
        }

        var tape = names.Fresh("tape");
        var seed = names.Fresh("seed");
        var cursor = new TapeCursor(names.Fresh("doubles"), names.Fresh("doubleCount"), names.Fresh("ints"), names.Fresh("intCount"));
        // Local arrays come from the tape's pool, which keeps them for the reverse sweep and reuses them afterwards.
        var lowered = Rewriter.Map(Views.Lower(method, names), e => e is NewArray array ? new TapeArray(tape, array.Count, array.Kind) : e);
        var (body, locals, result) = Structure.Of(lowered, method, names, [.. reserved, tape, seed]);
        var reverse = new ReverseMode(method, names, result, locals, tape, seed, cursor);
        return reverse.Sweeps(body);
    }

    private ReverseSpec Sweeps(Block structured)
    {
        // What depends on the parameters, and what the result depends on: only their intersection needs adjoints.
        Analyse(structured);
        var body = new Block(structured.Statements.SelectMany(s => Lower(s)).ToEquatableArray());
        Analyse(body);
        _read = ReadSomewhere(body);

        // Which overwritten values the reverse sweep reads: a value read in the reverse of one statement must be restored
        // when an assignment that can run after that statement overwrote it. Found by writing the reverse sweep, until
        // restoring (which reads indices) adds nothing new. What is restored only grows from one round to the next (a
        // restore more than needed is exact, only slower), so this ends: recomputed from scratch, the rounds could swing
        // between two answers, a checkpoint taking away the reads that called for an undo and the undo's reads for it.
        var order = new Order(body);
        var assigned = Assignments(body);
        _assigned = [.. assigned.Scalars.Keys];
        _written = [.. assigned.Elements.Keys];
        _assignedOnce = [.. assigned.Scalars.Where(a => a.Value.Count == 1 && order.LoopsAround(a.Value[0]).Length == 0).Select(a => a.Key)];
        // A local array given a new array more than once (or in a loop) while its gradient is kept: each reverse goes back
        // to the array it replaced, with a gradient of zeros of its own, whether or not it reads that array's values.
        // Otherwise the gradient of the new array's elements would flow into the writes of the one it replaced.
        foreach (var replaced in assigned.Scalars.Where(a => IsArray(KindOf(a.Key)) && IsActive(a.Key) && !_assignedOnce.Contains(a.Key)))
        {
            // The first array, outside any loop, replaces none: nothing for its reverse to go back to.
            var allocations = replaced.Value.Where(s => s is Assign { Value: TapeArray }).ToList();
            _undo.UnionWith(allocations
                .Where(s => order.LoopsAround(s).Length > 0 || allocations.Any(other => !ReferenceEquals(other, s) && order.CanRunAfter(s, other)))
                .Select(s => (s, replaced.Key)));
        }

        var mark = _names.Mark;
        Dictionary<string, List<Stmt>> reads, everyRead;
        while (true)
        {
            _reverse.Clear();
            _boundReads.Clear();
            _names.Rewind(mark);
            ReverseBlock(body);
            reads = ReadsByStatement(order);
            var checkpoints = Union(_checkpoints, Checkpoints(reads, assigned, order));
            var unrecorded = reads
                .Select(r => (r.Key, Readers: r.Value.Where(reader => !(checkpoints.TryGetValue(reader, out var names) && names.Contains(r.Key))).ToList()))
                .Where(r => r.Readers.Count > 0)
                .ToDictionary(r => r.Key, r => r.Readers);
            var undo = new HashSet<(Stmt, string)>(
                _undo.Concat(assigned.Scalars.Concat(assigned.Elements).SelectMany(a => a.Value.Where(s => Overwrites(s, a.Key, unrecorded, order)).Select(s => (s, a.Key)))),
                UndoComparer.Instance);
            if (undo.SetEquals(_undo) && SameCheckpoints(checkpoints, _checkpoints))
            {
                everyRead = reads;
                reads = unrecorded;
                break;
            }

            _undo = undo;
            _checkpoints = checkpoints;
        }

        // The reverse sweep starts from the forward sweep's last state: every local it reads (but the indices of counted
        // loops, which it sets itself), every reassigned parameter it reads, every local array whose gradient it keeps or
        // whose elements it reads (restored from a checkpoint or not: the restore writes into the array itself).
        bool Read(string name) => reads.ContainsKey(name) || _boundReads.Contains(name);
        var handover = _locals.Keys
            .Where(name => (Read(name) && !order.CountedIndices.Contains(name))
                || (IsArray(_locals[name]) && (IsActive(name) || everyRead.ContainsKey(name))))
            .Concat(_method.Parameters.Where(p => Read(p.Name) && assigned.Scalars.ContainsKey(p.Name)).Select(p => p.Name))
            .ToArray();

        // A restore the reverse sweep overwrites before anything reads it (a variable set afresh at the top of each
        // iteration, whose value from the iteration before is never read back) goes, with its push; so does a handed-over
        // value the reverse sweep restores before reading. Found by liveness over the reverse sweep as it stands.
        var liveness = new Liveness();
        if (liveness.LiveAtStart(ReverseBlock(body)) is { } live)
        {
            _undo.RemoveWhere(u => _reverse.TryGetValue(u.Statement, out var restores)
                && restores.Any(r => r is Assign { Value: TapePop } restore && restore.Name == u.Name && liveness.Dead.Contains(r)));
            handover = handover.Where(name => IsArray(KindOf(name)) || live.Contains(name)).ToArray();
        }

        _reverse.Clear();
        _names.Rewind(mark);
        var reverseBody = ReverseBlock(body);
        var forwardBody = Reserved(ForwardBlock(body)); // before the declarations: it adds the trip counters
        var forward = new List<Stmt>();
        forward.AddRange(_locals.Select(l => (Stmt)new Declare(l.Key, l.Value, Default(l.Value))));
        forward.Add(Load(declares: true));
        forward.AddRange(forwardBody.Statements);
        forward.AddRange(handover.Select(name => new TapePush(_tape, new Variable(name, KindOf(name)))));
        forward.Add(Keep());
        forward.Add(new Return(new Variable(_result, ValueKind.Double)));

        var reverse = new List<Stmt> { Load(declares: true) };
        foreach (var name in handover.Reverse())
        {
            reverse.Add(_parameters.ContainsKey(name)
                ? new Assign(name, new TapePop(_tape, KindOf(name)))
                : new Declare(name, KindOf(name), new TapePop(_tape, KindOf(name))));
        }

        var declared = new HashSet<string>(handover);
        foreach (var name in ReverseAssigned(reverseBody).Where(n => _locals.ContainsKey(n) && !declared.Contains(n)))
        {
            reverse.Add(new Declare(name, KindOf(name), Default(KindOf(name))));
        }

        foreach (var pair in _adjoints)
        {
            var (name, adjoint) = (pair.Key, pair.Value);
            var kind = KindOf(name);
            if (kind == ValueKind.Double)
            {
                reverse.Add(new Declare(adjoint, ValueKind.Double, name == _result ? new Variable(_seed, ValueKind.Double) : Constant.Zero));
            }
            else if (!_parameters.ContainsKey(name))
            {
                reverse.Add(new Declare(adjoint, kind, new TapeArray(_tape, new Length(new Variable(name, kind)), kind)));
            }
        }

        reverse.AddRange(reverseBody.Statements);
        foreach (var parameter in _method.Parameters.Where(p => p.IsDifferentiated && p.Kind == ValueKind.Double && _adjoints.ContainsKey(p.Name)))
        {
            var gradient = parameter.GradientArgumentName;
            reverse.Add(new Assign(gradient, Add(new Variable(gradient, ValueKind.Double), new Variable(_adjoints[parameter.Name], ValueKind.Double)), AssignmentForm.Compound));
        }

        reverse.Add(Keep());
        return new ReverseSpec(Finish(forward), Finish(SetNotAdded(new Block(reverse.ToEquatableArray())).Statements.ToList()), _tape, _seed, _cursor);
    }

    // ----- Activity -----

    private void Analyse(Block body)
    {
        _varied = new HashSet<string>(_method.Parameters.Where(p => p.IsDifferentiated).Select(p => p.Name));
        var assignments = new List<(string Target, Expr Value)>();
        Collect(body, assignments);
        bool changed;
        do
        {
            changed = false;
            foreach (var (target, value) in assignments)
            {
                if (!_varied.Contains(target) && Varied(value))
                {
                    _varied.Add(target);
                    changed = true;
                }
            }
        }
        while (changed);

        _useful = [_result];
        do
        {
            changed = false;
            foreach (var (target, value) in assignments)
            {
                if (_useful.Contains(target))
                {
                    foreach (var read in VariedReads(value))
                    {
                        changed |= _useful.Add(read);
                    }
                }
            }
        }
        while (changed);

        var named = new Dictionary<string, string>(_adjoints);
        _adjoints.Clear();
        foreach (var name in _varied.Where(_useful.Contains).Where(n => KindOf(n) is ValueKind.Double or ValueKind.DoubleArray).OrderBy(n => n, System.StringComparer.Ordinal))
        {
            _adjoints[name] = named.TryGetValue(name, out var known) ? known
                : _parameters.TryGetValue(name, out var parameter) && parameter.IsArray ? parameter.GradientArgumentName
                : _names.Fresh(name + "Bar");
        }
    }

    /// <summary>Every assignment as target and value; an element write assigns its array, a call its temporaries.</summary>
    private static void Collect(Stmt statement, List<(string, Expr)> assignments)
    {
        switch (statement)
        {
            case Assign assign: assignments.Add((assign.Name, assign.Value)); break;
            case ElementAssign element: assignments.Add((element.Sequence, element.Value)); break;
            case CallWithGradient call:
                // Every target depends on the differentiated arguments; only the body's own call reads its partials later.
                foreach (var name in call.Partials.Select(p => p.Name).OfType<string>().Prepend(call.Value))
                {
                    assignments.Add((name, call.Call));
                }

                break;
            default: foreach (var inner in Nesting.BlocksOf(statement).SelectMany(b => b.Statements)) { Collect(inner, assignments); } break;
        }
    }

    /// <summary>Whether an expression's value depends differentiably on a differentiated parameter.</summary>
    private bool Varied(Expr expr) => expr switch
    {
        Variable v => v.Kind is ValueKind.Double or ValueKind.DoubleArray && _varied.Contains(v.Name),
        ElementRead { Kind: ValueKind.Double } read => Varied(read.Sequence),
        Slice slice => Varied(slice.Sequence),
        Unary { Kind: ValueKind.Double } u => Varied(u.Operand),
        Binary { Kind: ValueKind.Double } b => Varied(b.Left) || Varied(b.Right),
        Conditional { Kind: ValueKind.Double } c => Varied(c.WhenTrue) || Varied(c.WhenFalse),
        MathCall { Kind: ValueKind.Double } m => !Catalog.Of(m).IsPiecewiseConstant && m.Arguments.Any(Varied),
        UserCall { Kind: ValueKind.Double } call => (call.Gradient is not null || call.TakesArrays) && DifferentiatedArguments(call).Any(Varied),
        SweepForwardCall => true,
        _ => false,
    };

    /// <summary>The varied variables and arrays an expression's value reads through differentiable positions.</summary>
    private IEnumerable<string> VariedReads(Expr expr) => expr switch
    {
        Variable v when Varied(v) => [v.Name],
        ElementRead { Kind: ValueKind.Double } read => VariedReads(read.Sequence),
        Slice slice => VariedReads(slice.Sequence),
        Unary { Kind: ValueKind.Double } u => VariedReads(u.Operand),
        Binary { Kind: ValueKind.Double } b => VariedReads(b.Left).Concat(VariedReads(b.Right)),
        Conditional { Kind: ValueKind.Double } c => VariedReads(c.WhenTrue).Concat(VariedReads(c.WhenFalse)),
        MathCall { Kind: ValueKind.Double } m when !Catalog.Of(m).IsPiecewiseConstant => m.Arguments.SelectMany(VariedReads),
        UserCall call => DifferentiatedArguments(call).SelectMany(VariedReads),
        SweepForwardCall forward => DifferentiatedArguments(forward.Call).SelectMany(VariedReads),
        _ => [],
    };

    private static IEnumerable<Expr> DifferentiatedArguments(UserCall call) => call.Arguments.Where((_, i) => call.Differentiated[i]);

    private bool IsActive(string name) => _adjoints.ContainsKey(name);

    private ValueKind KindOf(string name) =>
        _locals.TryGetValue(name, out var kind) ? kind : _parameters.TryGetValue(name, out var parameter) ? parameter.Kind : ValueKind.Double;

    private static bool IsArray(ValueKind kind) => kind is ValueKind.DoubleArray or ValueKind.IntArray;

    // ----- Three-address form -----

    /// <summary>
    /// Makes each active assignment's value something the reverse sweep can take apart: every operand a partial
    /// derivative reads, and every result one reads (Exp's is its own value), gets a local of its own, computed once in
    /// the forward sweep; a conditional becomes an if, a call its gradient's or its forward sweep's temporaries.
    /// </summary>
    private IEnumerable<Stmt> Lower(Stmt statement)
    {
        switch (statement)
        {
            case Assign assign when IsActive(assign.Name) && Varied(assign.Value):
                {
                    var prelude = new List<Stmt>();
                    var value = Lower(assign.Value, prelude, top: true);
                    return prelude.Append(assign with { Value = value });
                }

            case ElementAssign element when IsActive(element.Sequence) && Varied(element.Value):
                {
                    var prelude = new List<Stmt>();
                    var value = Lower(element.Value, prelude, top: true);
                    return prelude.Append(element with { Value = value });
                }

            case CallWithGradient call when call.Partials.Select(p => p.Name).Prepend(call.Value).Any(n => n is not null && IsActive(n)):
                {
                    // The body's own call to a generated value and gradient: its partials' adjoints flow back through the
                    // callee's second derivatives, computed beside them by its kernel's Hessian (an entry where an argument varies).
                    var prelude = new List<Stmt>();
                    var arguments = call.Call.Arguments.Select(a => Lower(a, prelude, top: false)).ToEquatableArray();
                    var varies = DifferentiatedArguments(call.Call).Select(Varied).ToArray();
                    var entries = new List<OptionalName>();
                    for (var a = 0; a < varies.Length; a++)
                    {
                        for (var b = a; b < varies.Length; b++)
                        {
                            entries.Add(new OptionalName(varies[a] || varies[b] ? Temporary(ValueKind.Double) : null));
                        }
                    }

                    var lowered = new CallWithGradient(call.Value, call.Partials.Concat(entries).ToEquatableArray(), call.Call with { Arguments = arguments, Gradient = call.Call.KernelHessian }, Declares: false);
                    return prelude.Append(lowered);
                }

            case If conditional:
                return [new If(conditional.Condition, LowerBlock(conditional.Then), conditional.Else is null ? null : LowerBlock(conditional.Else))];
            case Loop loop:
                return [loop with { Body = LowerBlock(loop.Body) }];
            case CountedLoop counted:
                return [counted with { Body = LowerBlock(counted.Body) }];
            default:
                return [statement];
        }
    }

    private Block LowerBlock(Block block) => new(block.Statements.SelectMany(s => Lower(s)).ToEquatableArray());

    private Expr Lower(Expr expr, List<Stmt> prelude, bool top)
    {
        if (!Varied(expr) || expr is Variable or ElementRead)
        {
            return expr;
        }

        switch (expr)
        {
            case Conditional conditional:
                {
                    // Only the branch taken is evaluated; its temporaries are computed in it.
                    var name = Temporary(ValueKind.Double);
                    prelude.Add(new If(conditional.Condition, Branch(conditional.WhenTrue), Branch(conditional.WhenFalse)));
                    return new Variable(name, ValueKind.Double);

                    Block Branch(Expr branch)
                    {
                        var statements = new List<Stmt>();
                        var value = Lower(branch, statements, top: true);
                        statements.Add(new Assign(name, value));
                        return new Block(statements.ToEquatableArray());
                    }
                }

            case UserCall { TakesArrays: true } call:
                {
                    var lowered = call with { Arguments = call.Arguments.Select(a => Lower(a, prelude, top: false)).ToEquatableArray() };
                    var name = Temporary(ValueKind.Double);
                    prelude.Add(new Assign(name, new SweepForwardCall(lowered, _tape)));
                    return new Variable(name, ValueKind.Double);
                }

            case UserCall call:
                {
                    var arguments = call.Arguments.Select(a => Lower(a, prelude, top: false)).ToArray();
                    var name = Temporary(ValueKind.Double);
                    var partials = call.Arguments
                        .Select((argument, i) => (argument, i))
                        .Where(a => call.Differentiated[a.i])
                        .Select(a => new OptionalName(Varied(a.argument) ? Temporary(ValueKind.Double) : null))
                        .ToEquatableArray();
                    prelude.Add(new CallWithGradient(name, partials, call with { Arguments = arguments.ToEquatableArray() }, Declares: false));
                    return new Variable(name, ValueKind.Double);
                }

            case Binary { Op: BinaryOp.Multiply } product when Derivatives.ScaledSquare(product) is { } square:
                {
                    // c·s·s: s computed once; the value exactly as written, (c * s) * s.
                    var s = Named(Lower(square.Operand, prelude, top: false), prelude);
                    var left = product.Left.Equals(square.Operand) ? s
                        : product.Left is Binary { Left: Constant } scaled ? scaled with { Right = s }
                        : ((Binary)product.Left) with { Left = s };
                    return product with { Left = left, Right = s };
                }

            case Unary or Binary or MathCall:
                {
                    // Which operands vary is read off the operands as written: a temporary lowering made (a conditional's,
                    // a call's) is not in the activity analysis yet.
                    var written = Operands(expr);
                    var operands = written.Select(o => Lower(o, prelude, top: false)).ToArray();
                    var partials = Partials(Rebuild(expr, Placeholders(operands)), new Variable("$t", ValueKind.Double));
                    var needed = new HashSet<string>();
                    for (var i = 0; i < operands.Length; i++)
                    {
                        if (Varied(written[i]))
                        {
                            CollectNames(partials[i], needed);
                        }
                    }

                    // An operand of arithmetic on atoms is computed again where the reverse sweep needs it (1 + t, s·a[i]),
                    // which costs less than recording it on every iteration; anything else is named.
                    for (var i = 0; i < operands.Length; i++)
                    {
                        if (needed.Contains("$" + i) && !IsArithmeticOfAtoms(operands[i]))
                        {
                            operands[i] = Named(operands[i], prelude);
                        }
                    }

                    var rebuilt = Rebuild(expr, operands);
                    return needed.Contains("$t") && !top ? Named(rebuilt, prelude) : rebuilt;
                }

            default:
                return expr;
        }
    }

    /// <summary>A value the reverse sweep can read again as it is: a constant, a variable, an element, any int, a negation of one.</summary>
    private static bool IsAtom(Expr expr) => expr is Constant or Variable or FieldReference or EnumConstant or ElementRead or Length
        || expr.Kind is ValueKind.Int or ValueKind.Bool
        || expr is Model.Convert { Operand.Kind: ValueKind.Int or ValueKind.Bool }
        || expr is Unary { Op: UnaryOp.Negate } negation && IsAtom(negation.Operand);

    private static bool IsArithmeticOfAtoms(Expr expr) => expr switch
    {
        Binary binary => IsArithmeticOfAtoms(binary.Left) && IsArithmeticOfAtoms(binary.Right),
        Unary unary => IsArithmeticOfAtoms(unary.Operand),
        _ => IsAtom(expr),
    };

    /// <summary>
    /// An int the method never changes: it reads only parameters and locals that nothing assigns, lengths and constants,
    /// and elements of arrays nothing writes. The reverse sweep reads it again rather than taking it from the tape.
    /// </summary>
    private bool Fixed(Expr expr)
    {
        var isFixed = true;
        Rewriter.Map(expr, e =>
        {
            isFixed &= e switch
            {
                Variable v => !_assigned.Contains(v.Name) || _assignedOnce.Contains(v.Name),
                ElementRead { Sequence: Variable array } => !_written.Contains(array.Name),
                UserCall or SweepForwardCall or TapePop => false,
                _ => true,
            };
            return e;
        });
        return isFixed;
    }

    private Expr Named(Expr value, List<Stmt> prelude)
    {
        if (IsAtom(value))
        {
            return value;
        }

        var name = Temporary(value.Kind);
        prelude.Add(new Assign(name, value));
        return new Variable(name, value.Kind);
    }

    private string Temporary(ValueKind kind)
    {
        var name = _names.Temporary();
        _locals[name] = kind;
        return name;
    }

    private static Expr[] Operands(Expr expr) => expr switch
    {
        Unary u => [u.Operand],
        Binary b => [b.Left, b.Right],
        MathCall m => [.. m.Arguments],
        _ => [],
    };

    private static Expr Rebuild(Expr expr, Expr[] operands) => expr switch
    {
        Unary u => u with { Operand = operands[0] },
        Binary b => b with { Left = operands[0], Right = operands[1] },
        MathCall m => m with { Arguments = operands.ToEquatableArray() },
        _ => expr,
    };

    private static Expr[] Placeholders(Expr[] operands) => operands.Select((o, i) => (Expr)new Variable("$" + i, o.Kind)).ToArray();

    private static Expr[] Partials(Expr operation, Expr result) =>
        Derivatives.Partials(operation, result) ?? throw new System.InvalidOperationException($"No derivative rule for {operation}");

    private static void CollectNames(Expr expr, HashSet<string> names) =>
        Rewriter.Map(expr, e =>
        {
            if (e is Variable v)
            {
                names.Add(v.Name);
            }

            return e;
        });

    // ----- The reverse sweep -----

    private Block ReverseBlock(Block block) => new(block.Statements.Reverse().SelectMany(Reverse).ToEquatableArray());

    private List<Stmt> Reverse(Stmt statement)
    {
        if (_reverse.TryGetValue(statement, out var known))
        {
            return known;
        }

        var output = new List<Stmt>();
        switch (statement)
        {
            case Assign { Value: SweepForwardCall call } assign:
                ReverseSweepCall(assign.Name, call.Call, Undoes(statement, assign.Name), output);
                break;
            case Assign { Value: TapeArray } assign when IsActive(assign.Name) && Undoes(statement, assign.Name):
                // Back to the array this one replaced, with a gradient of zeros of its own.
                output.Add(Restore(assign.Name));
                output.Add(new Assign(_adjoints[assign.Name], new TapeArray(_tape, new Length(new Variable(assign.Name, assign.Value.Kind)), assign.Value.Kind)));
                break;
            case Assign assign when IsActive(assign.Name) && assign.Value.Kind == ValueKind.Double:
                ReverseAssignment(new Variable(assign.Name, ValueKind.Double), new Variable(_adjoints[assign.Name], ValueKind.Double), assign.Value, Undoes(statement, assign.Name) ? Inverse(assign) ?? Restore(assign.Name) : null, output);
                break;
            case Assign assign when Undoes(statement, assign.Name) && Inverse(assign) is { } inverse:
                output.Add(inverse);
                break;
            case Assign assign when Undoes(statement, assign.Name):
                output.Add(Restore(assign.Name));
                break;
            case ElementAssign element when IsActive(element.Sequence) && element.Value.Kind == ValueKind.Double:
                {
                    var adjoint = new ElementRead(new Variable(_adjoints[element.Sequence], ValueKind.DoubleArray), element.Index, ValueKind.Double);
                    var restore = Undoes(statement, element.Sequence) ? RestoreElement(element) : null;
                    ReverseAssignment(new ElementRead(new Variable(element.Sequence, ValueKind.DoubleArray), element.Index, ValueKind.Double), adjoint, element.Value, restore, output);
                    break;
                }

            case ElementAssign element when Undoes(statement, element.Sequence):
                output.Add(RestoreElement(element));
                break;
            case CallWithGradient call when call.Call.Gradient == call.Call.KernelHessian:
                {
                    // The body's own call to a generated value and gradient, lowered to its callee's second derivatives:
                    // the value, one partial per differentiated argument, then the Hessian's upper triangle.
                    var partialCount = call.Call.Differentiated.Count(d => d);
                    // Argument a gets the value's adjoint times partial a, and each partial b's adjoint times H[a, b].
                    var arguments = DifferentiatedArguments(call.Call).ToArray();
                    var outputs = call.Partials.Take(partialCount).Select(p => p.Name).Prepend(call.Value).ToArray();
                    var entries = call.Partials.Skip(partialCount).Select(p => p.Name).ToArray();
                    var uses = arguments.Count(Varied);
                    var adjoints = outputs.Select(name => name is not null && IsActive(name) ? Atom(new Variable(_adjoints[name], ValueKind.Double), uses, output) : null).ToArray();
                    for (var a = 0; a < arguments.Length; a++)
                    {
                        Expr? sum = adjoints[0] is { } valueBar && outputs[a + 1] is { } partial ? Mul(new Variable(partial, ValueKind.Double), valueBar) : null;
                        for (var b = 0; b < arguments.Length; b++)
                        {
                            var (p, q) = a <= b ? (a, b) : (b, a);
                            if (adjoints[b + 1] is { } partialBar && entries[(p * arguments.Length) - (p * (p - 1) / 2) + (q - p)] is { } entry)
                            {
                                var term = Mul(new Variable(entry, ValueKind.Double), partialBar);
                                sum = sum is null ? term : Add(sum, term);
                            }
                        }

                        if (sum is not null && Varied(arguments[a]))
                        {
                            Backprop(arguments[a], Simplifier.Simplify(sum), null, output);
                        }
                    }

                    output.AddRange(outputs.OfType<string>().Where(IsActive).Select(name => new Assign(_adjoints[name], Constant.Zero)));
                    var restored = call.Partials.Select(p => p.Name).OfType<string>().Prepend(call.Value).Where(name => Undoes(statement, name)).ToList();
                    restored.Reverse();
                    output.AddRange(restored.Select(Restore));
                    break;
                }

            case CallWithGradient call:
                {
                    if (IsActive(call.Value))
                    {
                        var adjoint = new Variable(_adjoints[call.Value], ValueKind.Double);
                        var arguments = DifferentiatedArguments(call.Call).ToArray();
                        var partialNames = call.Partials.ToArray();
                        var seed = Atom(adjoint, arguments.Count(Varied), output);
                        for (var i = 0; i < arguments.Length; i++)
                        {
                            if (partialNames[i].Name is { } partial)
                            {
                                Backprop(arguments[i], Simplifier.Simplify(Mul(new Variable(partial, ValueKind.Double), seed)), null, output);
                            }
                        }

                        output.Add(new Assign(adjoint.Name, Constant.Zero));
                    }

                    // Restored in the reverse of the order they were pushed: the value first, then each partial.
                    var targets = call.Partials.Select(p => p.Name).OfType<string>().Prepend(call.Value).Where(name => Undoes(statement, name)).ToList();
                    targets.Reverse();
                    output.AddRange(targets.Select(Restore));

                    break;
                }

            case If conditional:
                {
                    var then = ReverseBlock(conditional.Then);
                    var otherwise = conditional.Else is null ? Block.Empty : ReverseBlock(conditional.Else);
                    if (then.Statements.Count > 0 || otherwise.Statements.Count > 0)
                    {
                        output.Add(new If(new TapePop(_tape, ValueKind.Bool), then, otherwise.Statements.Count == 0 ? null : otherwise));
                    }

                    break;
                }

            case Loop loop:
                {
                    var body = ReverseBlock(loop.Body);
                    if (body.Statements.Count > 0)
                    {
                        var trips = _names.Fresh("trips");
                        var counter = new Variable(trips, ValueKind.Int);
                        output.Add(new Loop(
                            new Block(EquatableArray.Of<Stmt>(new Declare(trips, ValueKind.Int, new TapePop(_tape, ValueKind.Int)))),
                            new Binary(BinaryOp.Greater, counter, new Constant(0, ValueKind.Int), ValueKind.Bool),
                            ConditionAtBottom: false,
                            body,
                            new Block(EquatableArray.Of<Stmt>(Step(trips, BinaryOp.Subtract)))));
                    }

                    break;
                }

            case CountedLoop counted:
                {
                    var body = ReverseBlock(counted.Body);
                    if (body.Statements.Count > 0)
                    {
                        // The index runs back down, from the last value it took to the first: bounds that nothing in the
                        // method assigns are read again, others come from the tape.
                        var index = new Variable(counted.Index, ValueKind.Int);
                        Expr end;
                        Expr start = counted.Start;
                        if (Fixed(counted.Start) && Fixed(counted.End))
                        {
                            CollectNames(counted.Start, _boundReads);
                            CollectNames(counted.End, _boundReads);
                            end = counted.Start is Constant { Value: 0 } && counted.End is Length ? counted.End
                                : new MathCall("Max", EquatableArray.Of(counted.Start, counted.End), ValueKind.Int);
                        }
                        else
                        {
                            var endName = _names.Fresh(counted.Index + "End");
                            output.Add(new Declare(endName, ValueKind.Int, new TapePop(_tape, ValueKind.Int)));
                            end = new Variable(endName, ValueKind.Int);
                            if (counted.Start is not Constant)
                            {
                                var name = _names.Fresh(counted.Index + "Start");
                                output.Add(new Declare(name, ValueKind.Int, new TapePop(_tape, ValueKind.Int)));
                                start = new Variable(name, ValueKind.Int);
                            }
                        }

                        output.Add(new Loop(
                            new Block(EquatableArray.Of<Stmt>(new Assign(counted.Index, new Binary(BinaryOp.Subtract, end, new Constant(1, ValueKind.Int), ValueKind.Int)))),
                            new Binary(BinaryOp.GreaterOrEqual, index, start, ValueKind.Bool),
                            ConditionAtBottom: false,
                            body,
                            new Block(EquatableArray.Of<Stmt>(Step(counted.Index, BinaryOp.Subtract)))));
                    }

                    break;
                }

            case Block block:
                output.AddRange(ReverseBlock(block).Statements);
                break;
        }

        if (_checkpoints.ContainsKey(statement))
        {
            output.InsertRange(0, TakeBackCheckpoints(statement));
        }

        _reverse[statement] = output;
        return output;
    }

    /// <summary>
    /// <c>target = value</c> backwards: the target's adjoint, taken and cleared, flows into what the value reads. The
    /// target's old value is restored first when the value reads it (so the partials see the values they saw going
    /// forward), after otherwise (so a partial that reads the result sees it).
    /// </summary>
    private void ReverseAssignment(Expr target, Expr adjoint, Expr value, Stmt? restore, List<Stmt> output)
    {
        // target += e: the adjoint passes to the old target unchanged, and to e.
        // An adjoint is cleared when the old value it leaves behind is read somewhere: what read it then adds to it afresh.
        var clear = IsRead(target) ? Clear(adjoint) : null;
        if (value is Binary { Op: BinaryOp.Add or BinaryOp.Subtract, Left: var left, Right: var increment } sum && left.Equals(target) && !Reads(increment, target))
        {
            Backprop(increment, sum.Op == BinaryOp.Add ? adjoint : Neg(adjoint), null, output);
            if (restore is not null)
            {
                output.Add(restore);
            }

            return;
        }

        var readsTarget = Reads(value, target);
        if (!readsTarget)
        {
            Backprop(value, adjoint, target, output);
            if (clear is not null)
            {
                output.Add(clear);
            }

            if (restore is not null)
            {
                output.Add(restore);
            }

            return;
        }

        var seed = _names.Fresh("adjoint");
        output.Add(new Declare(seed, ValueKind.Double, adjoint));
        output.Add(Clear(adjoint));
        Expr result = target;
        if (restore is not null)
        {
            if (NeedsResult(value))
            {
                var name = _names.Fresh("result");
                output.Add(new Declare(name, ValueKind.Double, target));
                result = new Variable(name, ValueKind.Double);
            }

            output.Add(restore);
        }

        Backprop(value, new Variable(seed, ValueKind.Double), result, output);
    }

    private bool IsRead(Expr target) => target switch
    {
        Variable v => _read.Contains(v.Name),
        ElementRead { Sequence: Variable array } => _read.Contains(array.Name),
        _ => true,
    };

    private static HashSet<string> ReadSomewhere(Block body)
    {
        var names = new HashSet<string>();
        Walk(body);
        return names;

        Expr Note(Expr e)
        {
            if (e is Variable v)
            {
                names.Add(v.Name);
            }

            return e;
        }

        void Walk(Stmt statement)
        {
            switch (statement)
            {
                case Block block:
                    foreach (var inner in block.Statements)
                    {
                        Walk(inner);
                    }

                    break;
                case If conditional:
                    Rewriter.Map(conditional.Condition, Note);
                    Walk(conditional.Then);
                    if (conditional.Else is { } otherwise)
                    {
                        Walk(otherwise);
                    }

                    break;
                case Loop loop:
                    Walk(loop.Before);
                    if (loop.Condition is { } condition)
                    {
                        Rewriter.Map(condition, Note);
                    }

                    Walk(loop.Body);
                    Walk(loop.Next);
                    break;
                case CountedLoop counted:
                    Rewriter.Map(counted.Start, Note);
                    Rewriter.Map(counted.End, Note);
                    Walk(counted.Body);
                    break;
                default:
                    Rewriter.Map(statement, Note);
                    break;
            }
        }
    }

    private static bool NeedsResult(Expr value)
    {
        if (value is not (Unary or Binary or MathCall))
        {
            return false;
        }

        var names = new HashSet<string>();
        foreach (var partial in Partials(Rebuild(value, Placeholders(Operands(value))), new Variable("$t", ValueKind.Double)))
        {
            CollectNames(partial, names);
        }

        return names.Contains("$t");
    }

    /// <summary>Adds <paramref name="adjoint"/> times the derivative of <paramref name="expr"/> into the adjoints of what it reads.</summary>
    private void Backprop(Expr expr, Expr adjoint, Expr? result, List<Stmt> output)
    {
        if (!Varied(expr) || Simplifier.IsZero(adjoint))
        {
            return;
        }

        switch (expr)
        {
            case Variable v when IsActive(v.Name):
                {
                    var name = _adjoints[v.Name];
                    output.Add(new Assign(name, Add(new Variable(name, ValueKind.Double), adjoint), AssignmentForm.Compound));
                    break;
                }

            case ElementRead { Sequence: Variable array } read when IsActive(array.Name):
                {
                    var name = _adjoints[array.Name];
                    var element = new ElementRead(new Variable(name, ValueKind.DoubleArray), read.Index, ValueKind.Double);
                    output.Add(new ElementAssign(name, read.Index, Add(element, adjoint), AssignmentForm.Compound));
                    break;
                }

            case Binary { Op: BinaryOp.Multiply } product when Derivatives.ScaledSquare(product) is { } square:
                Backprop(square.Operand, Simplifier.Simplify(Derivatives.ScaledSquareDerivative(square.Coefficient, square.Operand, adjoint)), null, output);
                break;
            case Unary or Binary or MathCall:
                {
                    var operands = Operands(expr);
                    var partials = Partials(expr, result ?? new Variable("$t", ValueKind.Double));
                    var seed = Atom(adjoint, operands.Count(Varied), output);
                    for (var i = 0; i < operands.Length; i++)
                    {
                        if (Varied(operands[i]))
                        {
                            var partial = Simplifier.Simplify(partials[i]);
                            if (Reads(partial, new Variable("$t", ValueKind.Double)))
                            {
                                throw new System.InvalidOperationException($"The result of {expr} was not kept for its derivative");
                            }

                            Backprop(operands[i], Simplifier.Simplify(Mul(partial, seed)), null, output);
                        }
                    }

                    break;
                }
        }
    }

    /// <summary>An adjoint that several operands read, computed once.</summary>
    private Expr Atom(Expr adjoint, int uses, List<Stmt> output)
    {
        if (uses <= 1 || adjoint is Variable or Constant)
        {
            return adjoint;
        }

        var name = _names.Fresh("adjoint");
        output.Add(new Declare(name, ValueKind.Double, adjoint));
        return new Variable(name, ValueKind.Double);
    }

    /// <summary>A call to another array method backwards: its reverse sweep, with the adjoint of its value as the seed.</summary>
    private void ReverseSweepCall(string target, UserCall call, bool restore, List<Stmt> output)
    {
        Expr seed = Constant.Zero;
        if (IsActive(target))
        {
            var name = _names.Fresh("adjoint");
            output.Add(new Declare(name, ValueKind.Double, new Variable(_adjoints[target], ValueKind.Double)));
            output.Add(new Assign(_adjoints[target], Constant.Zero));
            seed = new Variable(name, ValueKind.Double);
        }

        var adjoints = new List<Expr>();
        var scalars = new List<(Expr Argument, Variable Adjoint)>();
        foreach (var argument in DifferentiatedArguments(call))
        {
            if (IsArray(argument.Kind))
            {
                adjoints.Add(AdjointSpan(argument));
            }
            else
            {
                var name = _names.Fresh("adjoint");
                output.Add(new Declare(name, ValueKind.Double, Constant.Zero));
                var adjoint = new Variable(name, ValueKind.Double);
                adjoints.Add(adjoint);
                scalars.Add((argument, adjoint));
            }
        }

        output.Add(Keep());
        output.Add(new SweepReverseCall(call, _tape, seed, adjoints.ToEquatableArray()));
        output.Add(Load(declares: false));
        foreach (var (argument, adjoint) in scalars)
        {
            Backprop(argument, adjoint, null, output);
        }

        if (restore)
        {
            output.Add(Restore(target));
        }
    }

    /// <summary>Where a callee adds the gradient of a sequence argument: the same part of its root's adjoint, or scratch.</summary>
    private Expr AdjointSpan(Expr argument)
    {
        var (root, slice) = argument switch
        {
            Variable v => (v, (Slice?)null),
            Slice { Sequence: Variable v } s => (v, s),
            _ => throw new System.InvalidOperationException($"A sequence argument {argument.GetType().Name}"),
        };
        if (!IsActive(root.Name))
        {
            var length = slice?.Count ?? new Length(root);
            return new TapeArray(_tape, length, ValueKind.DoubleArray);
        }

        var adjoint = new Variable(_adjoints[root.Name], ValueKind.DoubleArray);
        return slice is null ? adjoint : slice with { Sequence = adjoint };
    }

    private TapeSync Load(bool declares) => new(_tape, _cursor, Load: true, declares);

    private TapeSync Keep() => new(_tape, _cursor, Load: false);

    private Stmt Restore(string name) => new Assign(name, new TapePop(_tape, KindOf(name)));

    private ElementAssign RestoreElement(ElementAssign element) =>
        new(element.Sequence, element.Index, new TapePop(_tape, KindOf(element.Sequence) == ValueKind.IntArray ? ValueKind.Int : ValueKind.Double));

    private static Stmt Clear(Expr adjoint) => adjoint switch
    {
        Variable v => new Assign(v.Name, Constant.Zero),
        ElementRead { Sequence: Variable array } read => new ElementAssign(array.Name, read.Index, Constant.Zero),
        _ => throw new System.InvalidOperationException("An adjoint is a variable or an element"),
    };

    /// <summary>
    /// How an assignment is undone without the tape, when it can be exactly: an int step <c>i += e</c> or <c>i -= e</c>
    /// (<c>e</c> fixed, not reading <c>i</c>) by the opposite step (two's complement wraps both ways), a negation
    /// <c>x = -x</c> (int or double) by itself. Null for any other assignment.
    /// </summary>
    private Assign? Inverse(Assign assign) =>
        assign.Value is Unary { Op: UnaryOp.Negate, Operand: Variable { Name: var negated } } && negated == assign.Name
            ? assign
            : assign.Value is Binary { Op: BinaryOp.Add or BinaryOp.Subtract, Kind: ValueKind.Int, Left: Variable { Name: var stepped }, Right: var step } value
        && stepped == assign.Name && !Reads(step, new Variable(assign.Name, ValueKind.Int)) && Fixed(step)
            ? step is Constant { Value: 1 }
                ? Step(assign.Name, value.Op == BinaryOp.Add ? BinaryOp.Subtract : BinaryOp.Add)
                : new Assign(assign.Name, value with { Op = value.Op == BinaryOp.Add ? BinaryOp.Subtract : BinaryOp.Add }, AssignmentForm.Compound)
            : null;

    private static Assign Step(string name, BinaryOp op) =>
        new(name, new Binary(op, new Variable(name, ValueKind.Int), new Constant(1, ValueKind.Int), ValueKind.Int), AssignmentForm.Step);

    // ----- The forward sweep -----

    private Block ForwardBlock(Block block) => new(block.Statements.SelectMany(Forward).ToEquatableArray());

    private IEnumerable<Stmt> Forward(Stmt statement)
    {
        if (_checkpoints.ContainsKey(statement) && statement is not Assign { Value: SweepForwardCall })
        {
            // Recorded last, just before the statement runs (it does not assign them), so its reverse takes them back first.
            var forward = ForwardOf(statement).ToList();
            forward.InsertRange(forward.FindIndex(s => ReferenceEquals(s, statement)), RecordCheckpoints(statement));
            return forward;
        }

        return ForwardOf(statement);
    }

    private IEnumerable<Stmt> ForwardOf(Stmt statement)
    {
        switch (statement)
        {
            case Assign { Value: SweepForwardCall } assign:
                // The callee pushes on the same tape: the stacks go back to it for the call, and come back after; what this
                // statement records of the values it read goes after the callee's entries, so its reverse takes it first.
                return (Undoes(statement, assign.Name) ? [new TapePush(_tape, new Variable(assign.Name, KindOf(assign.Name)))] : Enumerable.Empty<Stmt>())
                    .Concat([Keep(), assign, Load(declares: false)])
                    .Concat(RecordCheckpoints(statement));
            case Assign assign when Undoes(statement, assign.Name) && Inverse(assign) is not null:
                return [assign];
            case Assign assign when Undoes(statement, assign.Name):
                return [new TapePush(_tape, new Variable(assign.Name, KindOf(assign.Name))), assign];
            case ElementAssign element when Undoes(statement, element.Sequence):
                return [new TapePush(_tape, new ElementRead(new Variable(element.Sequence, KindOf(element.Sequence)), element.Index, Symbol(element.Sequence))), element];
            case CallWithGradient call:
                return call.Partials.Select(p => p.Name).OfType<string>().Prepend(call.Value).Where(name => Undoes(statement, name))
                    .Select(name => (Stmt)new TapePush(_tape, new Variable(name, KindOf(name))))
                    .Append(call);
            case If conditional when HasReverse(statement):
                return [new If(
                    conditional.Condition,
                    new Block(ForwardBlock(conditional.Then).Statements.Append(new TapePush(_tape, new Constant(1, ValueKind.Bool))).ToEquatableArray()),
                    new Block((conditional.Else is null ? [] : ForwardBlock(conditional.Else).Statements).Append(new TapePush(_tape, new Constant(0, ValueKind.Bool))).ToEquatableArray()))];
            case If conditional:
                return [new If(conditional.Condition, ForwardBlock(conditional.Then), conditional.Else is null ? null : ForwardBlock(conditional.Else))];
            case Loop loop when HasReverse(statement):
                {
                    var trips = _names.Fresh("trips");
                    _locals[trips] = ValueKind.Int;
                    var body = ForwardBlock(loop.Body).Statements.Append(Step(trips, BinaryOp.Add)).ToEquatableArray();
                    return [new Assign(trips, new Constant(0, ValueKind.Int)), loop with { Body = new Block(body) }, new TapePush(_tape, new Variable(trips, ValueKind.Int))];
                }

            case Loop loop:
                return [loop with { Body = ForwardBlock(loop.Body) }];
            case CountedLoop counted:
                {
                    var index = new Variable(counted.Index, ValueKind.Int);
                    var output = new List<Stmt>();
                    Expr start = counted.Start;
                    var recorded = HasReverse(statement) && !(Fixed(counted.Start) && Fixed(counted.End));
                    if (recorded && counted.Start is not Constant)
                    {
                        var name = _names.Fresh(counted.Index + "Start");
                        _locals[name] = ValueKind.Int;
                        output.Add(new Assign(name, counted.Start));
                        start = new Variable(name, ValueKind.Int);
                    }

                    var loop = new Loop(
                        new Block(EquatableArray.Of<Stmt>(new Assign(counted.Index, start))),
                        new Binary(BinaryOp.Less, index, counted.End, ValueKind.Bool),
                        ConditionAtBottom: false,
                        ForwardBlock(counted.Body),
                        new Block(EquatableArray.Of<Stmt>(Step(counted.Index, BinaryOp.Add))));
                    _countedForward[loop] = (counted.Start, counted.End);
                    output.Add(loop);
                    if (recorded)
                    {
                        if (start is Variable)
                        {
                            output.Add(new TapePush(_tape, start));
                        }

                        output.Add(new TapePush(_tape, index));
                    }

                    return output;
                }

            default:
                return [statement];
        }
    }

    // ----- Room on the tape before loops -----

    /// <summary>
    /// The forward sweep with room made on the tape before each outermost loop whose pushes can be counted when it starts
    /// (counted loops, nested ones whose bounds it does not change, no callee's sweep): its pushes then store without a
    /// check. A loop whose count is not known keeps its checks, and its inner loops are tried on their own.
    /// </summary>
    private Block Reserved(Block block) => new(block.Statements.SelectMany(Reserved).ToEquatableArray());

    private IEnumerable<Stmt> Reserved(Stmt statement)
    {
        switch (statement)
        {
            case Loop loop when _countedForward.TryGetValue(loop, out var bounds) && PushesOf(loop, bounds, Assigned(loop)) is { } count:
                return count.Doubles is null && count.Ints is null
                    ? [loop]
                    : [new TapeReserve(_tape, count.Doubles, count.Ints), MarkReserved(loop)];
            case Loop loop:
                return [loop with { Before = Reserved(loop.Before), Body = Reserved(loop.Body), Next = Reserved(loop.Next) }];
            case If conditional:
                return [new If(conditional.Condition, Reserved(conditional.Then), conditional.Else is null ? null : Reserved(conditional.Else))];
            case Block inner:
                return [Reserved(inner)];
            default:
                return [statement];
        }
    }

    /// <summary>
    /// How many doubles and ints a counted loop pushes at most, as double-valued expressions read when it starts (null for
    /// none), or null when that cannot be known there. <paramref name="region"/>: what the outermost loop assigns, which
    /// the bounds of the loops inside it must not read.
    /// </summary>
    private (Expr? Doubles, Expr? Ints)? PushesOf(Loop loop, (Expr Start, Expr End) bounds, HashSet<string> region)
    {
        if (Pushes(loop.Body, region) is not { } body)
        {
            return null;
        }

        var trips = Trips(bounds);
        return (Times(trips, body.Doubles), Times(trips, body.Ints));
    }

    private (Expr? Doubles, Expr? Ints)? Pushes(Block block, HashSet<string> region)
    {
        (Expr? Doubles, Expr? Ints) total = (null, null);
        foreach (var statement in block.Statements)
        {
            (Expr? Doubles, Expr? Ints)? count = statement switch
            {
                TapePush { Value.Kind: ValueKind.Double } => (One, null),
                TapePush { Value.Kind: ValueKind.Int or ValueKind.Bool } => (null, One),
                TapePush => (null, null), // an array: the tape keeps those apart
                Block inner => Pushes(inner, region),
                If conditional => Larger(Pushes(conditional.Then, region), conditional.Else is null ? (null, null) : Pushes(conditional.Else, region)),
                Loop inner when _countedForward.TryGetValue(inner, out var bounds) && Invariant(bounds.Start, region) && Invariant(bounds.End, region)
                    && Pushes(inner.Before, region) is { Doubles: null, Ints: null } && Pushes(inner.Next, region) is { Doubles: null, Ints: null } =>
                    PushesOf(inner, bounds, region),
                Loop or TapeSync or Break or Continue or Goto or Label or Return or ReturnTuple or SweepReverseCall => null,
                Assign { Value: SweepForwardCall } => null,
                _ => (null, null),
            };
            if (count is not { } known)
            {
                return null;
            }

            total = (Plus(total.Doubles, known.Doubles), Plus(total.Ints, known.Ints));
        }

        return total;

        static (Expr?, Expr?)? Larger((Expr? Doubles, Expr? Ints)? a, (Expr? Doubles, Expr? Ints)? b) =>
            a is { } x && b is { } y ? (Max(x.Doubles, y.Doubles), Max(x.Ints, y.Ints)) : null;
    }

    private static readonly Expr One = Constant.Of(1);

    /// <summary>A loop's trip count, in doubles: each bound converted first, so that no int arithmetic can wrap.</summary>
    private static Expr Trips((Expr Start, Expr End) bounds) =>
        bounds switch
        {
            (Constant { Value: var start }, Constant { Value: var end }) => Constant.Of(System.Math.Max(0, end - start)),
            (Constant { Value: 0 }, var end) => new MathCall("Max", EquatableArray.Of<Expr>(Constant.Zero, new Model.Convert(end, ValueKind.Double)), ValueKind.Double),
            _ => new MathCall("Max", EquatableArray.Of<Expr>(Constant.Zero, Sub(new Model.Convert(bounds.End, ValueKind.Double), new Model.Convert(bounds.Start, ValueKind.Double))), ValueKind.Double),
        };

    private static Expr? Plus(Expr? a, Expr? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        (Constant x, Constant y) => Constant.Of(x.Value + y.Value),
        _ => Add(a, b),
    };

    private static Expr? Times(Expr trips, Expr? count) => (trips, count) switch
    {
        (_, null) => null,
        (Constant { Value: 0 }, _) => null,
        (Constant x, Constant y) => Constant.Of(x.Value * y.Value),
        (_, Constant { Value: 1 }) => trips,
        _ => Mul(trips, count),
    };

    private static Expr? Max(Expr? a, Expr? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        (Constant x, Constant y) => Constant.Of(System.Math.Max(x.Value, y.Value)),
        _ when a.Equals(b) => a,
        _ => new MathCall("Max", EquatableArray.Of(a, b), ValueKind.Double),
    };

    /// <summary>Whether a bound reads nothing <paramref name="region"/> assigns (and no element, no call): it has one value throughout.</summary>
    private static bool Invariant(Expr bound, HashSet<string> region)
    {
        var invariant = true;
        Rewriter.Map(bound, e =>
        {
            invariant &= e switch
            {
                Variable v => !region.Contains(v.Name),
                ElementRead or UserCall or SweepForwardCall or TapePop or TapeArray => false,
                _ => true,
            };
            return e;
        });
        return invariant;
    }

    /// <summary>Every name a forward-sweep statement assigns or writes an element of, nested statements included.</summary>
    private static HashSet<string> Assigned(Stmt statement)
    {
        var names = new HashSet<string>();
        Walk(statement);
        return names;

        void Walk(Stmt s)
        {
            switch (s)
            {
                case Assign assign: names.Add(assign.Name); break;
                case Declare declare: names.Add(declare.Name); break;
                case ElementAssign element: names.Add(element.Sequence); break;
                case CallWithGradient call:
                    names.Add(call.Value);
                    foreach (var partial in call.Partials)
                    {
                        if (partial.Name is { } name)
                        {
                            names.Add(name);
                        }
                    }

                    break;
                default: foreach (var inner in Nesting.BlocksOf(s).SelectMany(b => b.Statements)) { Walk(inner); } break;
            }
        }
    }

    /// <summary>The loop with every push inside it storing without a check: room was made before it.</summary>
    private static Stmt MarkReserved(Stmt statement) => statement is TapePush push
        ? push with { Reserved = true }
        : Nesting.WithBlocks(statement, block => new Block(block.Statements.Select(MarkReserved).ToEquatableArray()));

    private bool HasReverse(Stmt statement) => _reverse.TryGetValue(statement, out var reverse) && reverse.Count > 0;

    private ValueKind Symbol(string sequence) => KindOf(sequence) == ValueKind.IntArray ? ValueKind.Int : ValueKind.Double;

    // ----- What the sweeps read and assign -----

    /// <summary>
    /// Where each statement stands: its place in the method's text and the loops around it. A statement can run after
    /// another when it comes later in the text, or when both are in one loop (a later iteration).
    /// </summary>
    private sealed class Order
    {
        private readonly Dictionary<Stmt, (int Position, Stmt[] Loops)> _places = new(ByReference.Instance);

        public Order(Block body) => Walk(body, []);

        public IEnumerable<Stmt> Statements => _places.Keys;

        public HashSet<string> CountedIndices { get; } = [];

        /// <summary>Whether <paramref name="later"/> can run after <paramref name="earlier"/> (another statement).</summary>
        public bool CanRunAfter(Stmt later, Stmt earlier)
        {
            var (a, loopsA) = _places[later];
            var (b, loopsB) = _places[earlier];
            return a > b || loopsA.Intersect(loopsB, ByReference.Instance).Any();
        }

        /// <summary>The loops around a statement, innermost last.</summary>
        public Stmt[] LoopsAround(Stmt statement) => _places[statement].Loops;

        private void Walk(Stmt statement, Stmt[] loops)
        {
            switch (statement)
            {
                case Block block:
                    foreach (var inner in block.Statements)
                    {
                        Walk(inner, loops);
                    }

                    break;
                case If conditional:
                    Walk(conditional.Then, loops);
                    if (conditional.Else is { } otherwise)
                    {
                        Walk(otherwise, loops);
                    }

                    break;
                case Loop loop:
                    Walk(loop.Body, [.. loops, loop]);
                    break;
                case CountedLoop counted:
                    CountedIndices.Add(counted.Index);
                    Walk(counted.Body, [.. loops, counted]);
                    break;
                default:
                    _places[statement] = (_places.Count, loops);
                    break;
            }
        }
    }

    /// <summary>For each variable and each array, the statements that assign it (or, for an array, write one of its elements).</summary>
    private (Dictionary<string, List<Stmt>> Scalars, Dictionary<string, List<Stmt>> Elements) Assignments(Block body)
    {
        var scalars = new Dictionary<string, List<Stmt>>();
        var elements = new Dictionary<string, List<Stmt>>();
        Walk(body);
        return (scalars, elements);

        void Add(Dictionary<string, List<Stmt>> into, string name, Stmt statement) =>
            (into.TryGetValue(name, out var list) ? list : into[name] = []).Add(statement);

        void Walk(Stmt statement)
        {
            switch (statement)
            {
                case Assign assign: Add(scalars, assign.Name, statement); break;
                case CallWithGradient call: foreach (var name in call.Partials.Select(p => p.Name).OfType<string>().Prepend(call.Value)) { Add(scalars, name, statement); } break;
                case ElementAssign element: Add(elements, element.Sequence, statement); break;
                case Block block: foreach (var inner in block.Statements) { Walk(inner); } break;
                case If conditional: Walk(conditional.Then); if (conditional.Else is { } otherwise) { Walk(otherwise); } break;
                case Loop loop: Walk(loop.Body); break;
                case CountedLoop counted: Walk(counted.Body); break;
            }
        }
    }

    /// <summary>Whether an assignment can run after (or at) a statement whose reverse reads the variable it assigns.</summary>
    private bool Overwrites(Stmt assignment, string name, Dictionary<string, List<Stmt>> reads, Order order) =>
        reads.TryGetValue(name, out var readers)
        && readers.Any(reader => ReferenceEquals(reader, assignment) ? OverwritesItsOwnRead(assignment, order) : order.CanRunAfter(assignment, reader));

    /// <summary>
    /// A statement whose own reverse reads what it assigns: that needs the old value when its value reads it (restored
    /// before its partials), or when the statement runs again in a loop before its reverse, unless each iteration of its
    /// one loop writes an element of its own (<c>e[i] = …</c> in a counted loop over i).
    /// </summary>
    private static bool OverwritesItsOwnRead(Stmt statement, Order order)
    {
        var loops = order.LoopsAround(statement);
        return statement switch
        {
            Assign assign => Reads(assign.Value, new Variable(assign.Name, assign.Value.Kind)) || loops.Length > 0,
            ElementAssign element => Reads(element.Value, new Variable(element.Sequence, ValueKind.DoubleArray))
                || !(loops.Length == 0 || (loops is [CountedLoop counted] && element.Index is Variable index && index.Name == counted.Index)),
            _ => true,
        };
    }

    private bool Undoes(Stmt statement, string name) => _undo.Contains((statement, name));

    /// <summary>
    /// For each statement, what it records as it reads: each value its reverse reads that something overwrites later in a
    /// deeper loop (a sum built in an inner loop and read once after it), and that the statement itself does not assign.
    /// </summary>
    private Dictionary<Stmt, List<string>> Checkpoints(
        Dictionary<string, List<Stmt>> reads,
        (Dictionary<string, List<Stmt>> Scalars, Dictionary<string, List<Stmt>> Elements) assigned,
        Order order)
    {
        var checkpoints = new Dictionary<Stmt, List<string>>(ByReference.Instance);
        foreach (var pair in reads)
        {
            var (name, readers) = (pair.Key, pair.Value);
            var writes = IsArray(KindOf(name))
                ? assigned.Elements.TryGetValue(name, out var elementWrites) ? elementWrites : []
                : assigned.Scalars.TryGetValue(name, out var scalarWrites) ? scalarWrites : [];
            foreach (var reader in readers)
            {
                var depth = order.LoopsAround(reader).Length;
                var later = writes.Where(w => !ReferenceEquals(w, reader) && order.CanRunAfter(w, reader)).ToList();
                if (later.Count > 0 && later.Max(w => order.LoopsAround(w).Length) > depth && !writes.Contains(reader, ByReference.Instance))
                {
                    (checkpoints.TryGetValue(reader, out var names) ? names : checkpoints[reader] = []).Add(name);
                }
            }
        }

        return checkpoints;
    }

    /// <summary>Every name either recorded at each statement, those of <paramref name="earlier"/> first.</summary>
    private static Dictionary<Stmt, List<string>> Union(Dictionary<Stmt, List<string>> earlier, Dictionary<Stmt, List<string>> found)
    {
        var union = new Dictionary<Stmt, List<string>>(ByReference.Instance);
        foreach (var pair in earlier.Concat(found))
        {
            var names = union.TryGetValue(pair.Key, out var existing) ? existing : union[pair.Key] = [];
            names.AddRange(pair.Value.Where(name => !names.Contains(name)));
        }

        return union;
    }

    private static bool SameCheckpoints(Dictionary<Stmt, List<string>> a, Dictionary<Stmt, List<string>> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && pair.Value.SequenceEqual(other));

    /// <summary>What a statement records of the values it reads: a variable, or every element of an array.</summary>
    private IEnumerable<Stmt> RecordCheckpoints(Stmt statement) =>
        _checkpoints.TryGetValue(statement, out var names)
            ? names.SelectMany(name => IsArray(KindOf(name)) ? [EachElement(name, push: true)] : new Stmt[] { new TapePush(_tape, new Variable(name, KindOf(name))) })
            : [];

    /// <summary>What a statement's reverse takes back first: the values it recorded, in reverse order.</summary>
    private IEnumerable<Stmt> TakeBackCheckpoints(Stmt statement) =>
        _checkpoints.TryGetValue(statement, out var names)
            ? names.AsEnumerable().Reverse().Select(name => IsArray(KindOf(name)) ? EachElement(name, push: false) : Restore(name))
            : [];

    /// <summary>A loop pushing every element of an array onto the tape, or popping them back in reverse order.</summary>
    private Stmt EachElement(string array, bool push)
    {
        var kind = KindOf(array);
        var element = Symbol(array);
        var index = _names.Fresh("k");
        var k = new Variable(index, ValueKind.Int);
        var sequence = new Variable(array, kind);
        var one = new Constant(1, ValueKind.Int);
        if (push)
        {
            var loop = new Loop(
                new Block(EquatableArray.Of<Stmt>(new Declare(index, ValueKind.Int, new Constant(0, ValueKind.Int)))),
                new Binary(BinaryOp.Less, k, new Length(sequence), ValueKind.Bool),
                ConditionAtBottom: false,
                new Block(EquatableArray.Of<Stmt>(new TapePush(_tape, new ElementRead(sequence, k, element)))),
                new Block(EquatableArray.Of<Stmt>(Step(index, BinaryOp.Add))));
            _countedForward[loop] = (new Constant(0, ValueKind.Int), new Length(sequence));
            return loop;
        }

        return new Loop(
                new Block(EquatableArray.Of<Stmt>(new Declare(index, ValueKind.Int, new Binary(BinaryOp.Subtract, new Length(sequence), one, ValueKind.Int)))),
                new Binary(BinaryOp.GreaterOrEqual, k, new Constant(0, ValueKind.Int), ValueKind.Bool),
                ConditionAtBottom: false,
                new Block(EquatableArray.Of<Stmt>(new ElementAssign(array, k, new TapePop(_tape, element)))),
                new Block(EquatableArray.Of<Stmt>(Step(index, BinaryOp.Subtract))));
    }

    /// <summary>For each of the method's own variables (locals and parameters), the statements whose reverse reads it.</summary>
    private Dictionary<string, List<Stmt>> ReadsByStatement(Order order)
    {
        var byName = new Dictionary<string, List<Stmt>>();
        foreach (var statement in order.Statements)
        {
            if (!_reverse.TryGetValue(statement, out var reverse))
            {
                continue;
            }

            foreach (var name in PrimalReads(reverse))
            {
                (byName.TryGetValue(name, out var list) ? list : byName[name] = []).Add(statement);
            }
        }

        // The reverse sweep allocates each local array's gradient at its start, reading the array.
        foreach (var name in _adjoints.Keys.Where(n => _locals.ContainsKey(n) && IsArray(_locals[n])))
        {
            if (!byName.ContainsKey(name))
            {
                byName[name] = [];
            }
        }

        return byName;
    }

    /// <summary>The method's own variables (locals and parameters) that some reverse statements read.</summary>
    private HashSet<string> PrimalReads(IEnumerable<Stmt> reverse)
    {
        var reads = new HashSet<string>();
        foreach (var statement in reverse.SelectMany(Nesting.All))
        {
            switch (statement)
            {
                case Declare { Value: { } value }: Read(value); break;
                case Assign assign: Read(assign.Value); break;
                case ElementAssign element: reads.Add(element.Sequence); Read(element.Index); Read(element.Value); break;
                case If conditional: Read(conditional.Condition); break;
                case Loop { Condition: { } condition }: Read(condition); break;
                case SweepReverseCall call: Read(call.Call); Read(call.Seed); foreach (var adjoint in call.Adjoints) { Read(adjoint); } break;
            }
        }

        reads.IntersectWith(_locals.Keys.Concat(_parameters.Keys));
        return reads;

        void Read(Expr expr) => CollectNames(expr, reads);
    }

    /// <summary>The method's own locals the reverse sweep assigns without reading them first: counted loops' indices.</summary>
    private static IEnumerable<string> ReverseAssigned(Block reverse) =>
        Nesting.All(reverse).OfType<Assign>().Select(assign => assign.Name).Distinct();

    private static bool Reads(Expr expr, Expr target)
    {
        var name = target switch
        {
            Variable v => v.Name,
            ElementRead { Sequence: Variable a } => a.Name,
            _ => null,
        };
        var found = false;
        Rewriter.Map(expr, e =>
        {
            found |= e is Variable v && v.Name == name;
            return e;
        });
        return found;
    }

    private Expr Default(ValueKind kind) => kind switch
    {
        ValueKind.Double => Constant.Zero,
        ValueKind.Int => new Constant(0, ValueKind.Int),
        ValueKind.Bool => new Constant(0, ValueKind.Bool),
        _ => new TapeArray(_tape, new Constant(0, ValueKind.Int), kind),
    };

    /// <summary>A sweep as printed: slices of local arrays marked, and no local stacks where it pushes and pops nothing.</summary>
    private Block Finish(List<Stmt> sweep)
    {
        var block = MarkArraySlices(new Block(sweep.ToEquatableArray()));
        var usesStacks = false;
        Rewriter.Map(block, e =>
        {
            usesStacks |= e is TapePop { Kind: ValueKind.Double or ValueKind.Int or ValueKind.Bool };
            return e;
        });
        usesStacks |= Nesting.All(block).Any(s => s is TapePush { Value.Kind: ValueKind.Double or ValueKind.Int or ValueKind.Bool });
        return usesStacks ? block : WithoutSyncs(block);

        static Block WithoutSyncs(Block block) =>
            new(block.Statements.Where(s => s is not TapeSync).Select(s => Nesting.WithBlocks(s, WithoutSyncs)).ToEquatableArray());
    }

    /// <summary>Slices of local arrays print as <c>AsSpan</c>: an array has no <c>Slice</c>.</summary>
    private Block MarkArraySlices(Block block) => Rewriter.Map(block, e =>
        e is Slice { Sequence: Variable root } slice && (_locals.ContainsKey(root.Name) || _adjoints.Any(a => a.Value == root.Name && !_parameters.ContainsKey(a.Key)))
            ? slice with { OfArray = true }
            : e);

    /// <summary>
    /// Which variables a reverse sweep reads before it assigns them, from each point to its end (backwards liveness over
    /// its blocks, ifs and loops), and which restores from the tape (<c>x = pop</c>) assign a value nothing reads.
    /// </summary>
    private sealed class Liveness
    {
        private bool _unknown;

        /// <summary>The restores whose value is never read.</summary>
        public HashSet<Stmt> Dead { get; } = new(ByReference.Instance);

        /// <summary>What the sweep reads before assigning it; null for a sweep with jumps, which this does not follow.</summary>
        public HashSet<string>? LiveAtStart(Block sweep)
        {
            var live = Before(sweep, [], mark: true);
            return _unknown ? null : live;
        }

        /// <summary>One more round of a loop: what is live at its head, given the head's live set so far.</summary>
        private HashSet<string> Round(Loop loop, HashSet<string> exit, HashSet<string> head, bool mark)
        {
            var test = new HashSet<string>(exit);
            test.UnionWith(head);
            var body = Before(loop.Body, Before(loop.Next, test, mark), mark);
            if (!loop.ConditionAtBottom)
            {
                body.UnionWith(test);
            }

            return body;
        }

        private HashSet<string> Before(Block block, HashSet<string> after, bool mark)
        {
            var live = after;
            for (var i = block.Statements.Count - 1; i >= 0; i--)
            {
                live = Before(block.Statements[i], live, mark);
            }

            return live;
        }

        private HashSet<string> Before(Stmt statement, HashSet<string> after, bool mark)
        {
            switch (statement)
            {
                case Assign assign:
                    {
                        if (mark && assign.Value is TapePop && !after.Contains(assign.Name))
                        {
                            Dead.Add(statement);
                        }

                        var live = new HashSet<string>(after);
                        live.Remove(assign.Name);
                        CollectNames(assign.Value, live);
                        return live;
                    }

                case Declare declare:
                    {
                        var live = new HashSet<string>(after);
                        live.Remove(declare.Name);
                        if (declare.Value is { } value)
                        {
                            CollectNames(value, live);
                        }

                        return live;
                    }

                case Block block:
                    return Before(block, after, mark);
                case If conditional:
                    {
                        var live = Before(conditional.Then, after, mark);
                        live.UnionWith(conditional.Else is null ? after : Before(conditional.Else, after, mark));
                        CollectNames(conditional.Condition, live);
                        return live;
                    }

                case Loop loop:
                    {
                        // Grown until it holds: the live set at the top of the body (for a condition on top, at the test),
                        // from what follows the loop, what the condition reads, and what another round reads first.
                        var exit = new HashSet<string>(after);
                        if (loop.Condition is { } condition)
                        {
                            CollectNames(condition, exit);
                        }

                        var head = loop.ConditionAtBottom ? [] : exit;
                        while (true)
                        {
                            var grown = Round(loop, exit, head, mark: false);
                            if (grown.SetEquals(head))
                            {
                                break;
                            }

                            head = grown;
                        }

                        return Before(loop.Before, Round(loop, exit, head, mark), mark);
                    }

                case Break or Continue or Goto or Label or Return or ReturnTuple:
                    _unknown = true;
                    return after;
                default:
                    {
                        // Anything else (an element write, a callee's reverse sweep, a push) only reads, as far as this knows.
                        var live = new HashSet<string>(after);
                        Rewriter.Map(statement, e =>
                        {
                            if (e is Variable v)
                            {
                                live.Add(v.Name);
                            }

                            return e;
                        });
                        if (statement is ElementAssign element)
                        {
                            live.Add(element.Sequence);
                        }

                        return live;
                    }
            }
        }
    }

    /// <summary>
    /// An adjoint cleared and then added to before anything else touches it (<c>aBar = 0; …; aBar += e;</c>, the reverse
    /// of <c>a = f(a, …)</c> in a loop) is set instead: <c>aBar = e</c>, one addition less on the chain a loop carries. The
    /// same value but for the sign of a zero (<c>0 + -0</c> is <c>+0</c>), which no gradient comparison sees.
    /// </summary>
    private Block SetNotAdded(Block block)
    {
        var statements = block.Statements.Select(s => Nesting.WithBlocks(s, SetNotAdded)).ToList();
        var adjoints = new HashSet<string>(_adjoints.Values);
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i] is not Assign { Value: Constant { Value: 0 }, Name: var cleared } || !adjoints.Contains(cleared))
            {
                continue;
            }

            var target = new Variable(cleared, ValueKind.Double);
            for (var j = i + 1; j < statements.Count; j++)
            {
                if (statements[j] is Assign { Value: Binary { Op: BinaryOp.Add, Left: Variable { Name: var added }, Right: var increment } } && added == cleared && !Reads(increment, target))
                {
                    statements[j] = new Assign(cleared, increment);
                    statements.RemoveAt(i);
                    break;
                }

                // Only plain assignments that never name the adjoint may stand between.
                if (statements[j] is not (Assign or Declare) || Mentions(statements[j], cleared))
                {
                    break;
                }
            }
        }

        return new Block(statements.ToEquatableArray());

        static bool Mentions(Stmt statement, string name)
        {
            var found = statement is Assign assign && assign.Name == name || statement is Declare declare && declare.Name == name;
            Rewriter.Map(statement, e =>
            {
                found |= e is Variable v && v.Name == name;
                return e;
            });
            return found;
        }
    }

    /// <summary>Statements by identity: two equal statements in two places have two reverses.</summary>
    private sealed class ByReference : IEqualityComparer<Stmt>
    {
        public static readonly ByReference Instance = new();

        public bool Equals(Stmt? x, Stmt? y) => ReferenceEquals(x, y);

        public int GetHashCode(Stmt obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>An assignment to undo: the statement by identity, and the name it assigns.</summary>
    private sealed class UndoComparer : IEqualityComparer<(Stmt Statement, string Name)>
    {
        public static readonly UndoComparer Instance = new();

        public bool Equals((Stmt Statement, string Name) x, (Stmt Statement, string Name) y) =>
            ReferenceEquals(x.Statement, y.Statement) && x.Name == y.Name;

        public int GetHashCode((Stmt Statement, string Name) obj) =>
            (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Statement) * 31) + obj.Name.GetHashCode();
    }
}
