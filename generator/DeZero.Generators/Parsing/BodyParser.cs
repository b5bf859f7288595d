using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeZero.Generators.Diagnostics;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace DeZero.Generators.Parsing;

/// <summary>
/// Reads a method body from Roslyn's <see cref="IOperation"/> tree into our own statements and
/// expressions. The operation tree has already resolved <c>using static</c>, implicit conversions
/// and constants, so <c>Exp(x)</c>, <c>Math.Exp(x)</c> and <c>double.Exp(x)</c> all arrive alike.
/// Anything unsupported becomes a located diagnostic and parsing goes on, so every problem is reported.
/// </summary>
internal sealed partial class BodyParser
{
    private readonly CalleeChecker _callees;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<PendingCall> _pending = [];
    private readonly HashSet<string> _names;

    /// <summary>Whether the method takes a span or array parameter, so sequences may appear in its body.</summary>
    private readonly bool _arrays;

    /// <summary>For each sequence variable, the parameter or local array whose elements it views (itself for a new array).</summary>
    private readonly Dictionary<string, string> _bases = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The local arrays given a new array after their declaration (where), and the arrays some span views. A span keeps the
    /// array it was given, but views are lowered to their array's name: an array both viewed and replaced is refused.
    /// </summary>
    private readonly Dictionary<string, IOperation> _replaced = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _viewed = new(System.StringComparer.Ordinal);

    /// <summary>The parameters that are sequences of doubles: inputs, whose elements may not be written.</summary>
    private readonly HashSet<string> _inputs = new(System.StringComparer.Ordinal);

    /// <summary>
    /// Where the side effects of the expression being parsed go (an assignment, <c>++</c> or <c>--</c> inside it), as
    /// statements in C#'s order of evaluation: the statement list the expression's own statement is added to next.
    /// </summary>
    private List<Stmt> _effects = [];

    /// <param name="callees">Settles calls to other methods.</param>
    /// <param name="parameters">The method's parameters.</param>
    /// <param name="names">Every identifier of the method, which the temporaries it needs must not take.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    public BodyParser(CalleeChecker callees, IReadOnlyList<ParameterSpec> parameters, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        _callees = callees;
        _names = new HashSet<string>(names, System.StringComparer.Ordinal);
        _cancellationToken = cancellationToken;
        _arrays = parameters.Any(p => p.IsArray);
        foreach (var parameter in parameters.Where(p => p.IsArray))
        {
            _bases[parameter.Name] = parameter.Name;
            if (parameter.Kind == ValueKind.DoubleArray)
            {
                _inputs.Add(parameter.Name);
            }
        }
    }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public IReadOnlyList<PendingCall> Pending => _pending;

    public Block ParseBody(IOperation body)
    {
        RegisterLocalFunctions(body);
        return ParseBlock(body);
    }

    private Block ParseBlock(IOperation operation)
    {
        if (_depth >= MaxDepth)
        {
            Unsupported(operation, $"blocks nest more than {MaxDepth} deep; split the method");
            return Block.Empty;
        }

        _depth++;
        try
        {
            return ParseStatementsOf(operation);
        }
        finally
        {
            _depth--;
        }
    }

    private Block ParseStatementsOf(IOperation operation)
    {
        var statements = new List<Stmt>();
        if (operation is IBlockOperation block)
        {
            foreach (var child in block.Operations)
            {
                AddStatement(child, statements);
            }
        }
        else
        {
            AddStatement(operation, statements);
        }

        return new Block(statements.ToEquatableArray());
    }

    private void AddStatement(IOperation operation, List<Stmt> statements)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var outer = _effects;
        _effects = statements;
        try
        {
            ParseStatement(operation, statements);
        }
        finally
        {
            _effects = outer;
        }
    }

    private void ParseStatement(IOperation operation, List<Stmt> statements)
    {
        switch (operation)
        {
            case IBlockOperation block:
                statements.Add(ParseBlock(block));
                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        AddDeclaration(declarator, statements);
                    }
                }

                break;
            case IEmptyOperation:
                break;
            case IExpressionStatementOperation { Operation: IDeconstructionAssignmentOperation deconstruction }:
                ParseDeconstruction(deconstruction, statements);
                break;
            case IExpressionStatementOperation { Operation: IInvocationOperation { Type.SpecialType: SpecialType.System_Void } call }:
                if (ParseVoidCall(call) is { } kept)
                {
                    statements.Add(kept);
                }

                break;
            case IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }:
                if (ParseThrow(operation as IThrowOperation ?? (IThrowOperation)((IExpressionStatementOperation)operation).Operation) is { } thrown)
                {
                    statements.Add(thrown);
                }

                break;
            case IExpressionStatementOperation { Operation: var expression }:
                if (ParseAssignment(expression) is { } assignment)
                {
                    statements.Add(assignment);
                }

                break;
            case IReturnOperation { ReturnedValue: { } value } when ThrowIn(value) is { } thrownInstead: // => throw …
                if (ParseThrow(thrownInstead) is { } throwStatement)
                {
                    statements.Add(throwStatement);
                }

                break;
            case IReturnOperation { ReturnedValue: { } value }:
                statements.Add(new Return(Widen(Parse(value), _returnKind)));
                break;
            case IConditionalOperation { WhenTrue: var whenTrue, WhenFalse: var whenFalse, Condition: var condition }:
                statements.Add(new If(
                    ParseCondition(condition),
                    ParseBlock(whenTrue),
                    whenFalse is null ? null : ParseBlock(whenFalse)));
                break;
            case IWhileLoopOperation { ConditionIsUntil: false, ConditionIsTop: true } loop:
                {
                    var (effects, condition) = Separately(() => ParseCondition(loop.Condition!));
                    statements.Add(TopTested(Block.Empty, effects, condition, ParseBlock(loop.Body), Block.Empty));
                    break;
                }

            case IWhileLoopOperation { ConditionIsUntil: false } loop:
                {
                    // do … while: effects of the condition run after the body, where continue goes too.
                    var body = ParseBlock(loop.Body);
                    var (effects, condition) = Separately(() => ParseCondition(loop.Condition!));
                    statements.Add(new Loop(Block.Empty, condition, ConditionAtBottom: true, body, new Block(effects.ToEquatableArray())));
                    break;
                }

            case IForLoopOperation loop:
                {
                    var before = ParseStatements(loop.Before);
                    List<Stmt> effects = [];
                    Expr? condition = null;
                    if (loop.Condition is { } test)
                    {
                        (effects, condition) = Separately(() => ParseCondition(test));
                    }

                    statements.Add(TopTested(before, effects, condition, ParseBlock(loop.Body), ParseStatements(loop.AtLoopBottom)));
                    break;
                }

            case IBranchOperation { BranchKind: BranchKind.Break } leave when _switchExits.Contains(leave.Target):
                Unsupported(operation, "a break that leaves a switch before the end of its section is not taken; use if/else inside the section");
                break;
            case IBranchOperation { BranchKind: BranchKind.Break }:
                statements.Add(new Break());
                break;
            case ISwitchOperation switchStatement:
                ParseSwitch(switchStatement, statements);
                break;
            case IBranchOperation { BranchKind: BranchKind.Continue }:
                statements.Add(new Continue());
                break;
            case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation element } loop when (Table(Collection(loop))?.Kind ?? SequenceKind(Collection(loop).Type)) is { } sequenceKind:
                statements.Add(ParseForEach(loop, element.Symbol, sequenceKind));
                break;
            case IForEachLoopOperation:
                Unsupported(operation, "foreach runs over a span or array parameter or local; loop with for over an int counter otherwise");
                break;
            case ILocalFunctionOperation local:
                if (ParseLocalFunction(local) is { } function)
                {
                    statements.Add(function);
                }

                break;
            default:
                Unsupported(operation, "use declarations, assignments, if/else, switch, loops, return and throw");
                break;
        }
    }

    /// <summary>
    /// A loop tested on top. A condition with side effects of its own is evaluated at the start of every iteration,
    /// as <c>{ effects; if (!condition) break; body }</c> looping forever, so its effects happen exactly as C# has them.
    /// </summary>
    private static Loop TopTested(Block before, List<Stmt> effects, Expr? condition, Block body, Block next)
    {
        if (effects.Count == 0)
        {
            return new Loop(before, condition, ConditionAtBottom: false, body, next);
        }

        var exit = new If(new Unary(UnaryOp.Not, condition!, ValueKind.Bool), new Block(EquatableArray.Of<Stmt>(new Break())), null);
        var guarded = new Block(effects.Append(exit).Concat(body.Statements).ToEquatableArray());
        return new Loop(before, null, ConditionAtBottom: false, guarded, next);
    }

    private Block ParseStatements(ImmutableArray<IOperation> operations)
    {
        var statements = new List<Stmt>();
        foreach (var operation in operations)
        {
            AddStatement(operation, statements);
        }

        return new Block(statements.ToEquatableArray());
    }

    private void AddDeclaration(IVariableDeclaratorOperation declarator, List<Stmt> statements)
    {
        var local = declarator.Symbol;
        if (local.IsConst)
        {
            return; // Every use of a const is already folded to its value.
        }

        if (local.Type.IsTupleType && declarator.GetVariableInitializer()?.Value is { } tuple && IsGradientTuple(tuple))
        {
            _gradientTuples[local] = GradientElements(tuple); // var r = FWithGradient(x): r.Value and r.DX read its elements.
            return;
        }

        if ((Symbols.KindOf(local.Type) ?? SequenceKind(local.Type)) is not { } kind)
        {
            Report(Descriptors.UnsupportedLocal, declarator.Syntax, local.Name, local.Type.ToDisplayString());
            return;
        }

        if (local.IsRef)
        {
            Report(Descriptors.UnsupportedLocal, declarator.Syntax, local.Name, "ref " + local.Type.ToDisplayString());
            return;
        }

        var initializer = declarator.GetVariableInitializer()?.Value;
        var value = initializer is null ? null : Parse(initializer);
        if (value is not null && IsSequence(kind))
        {
            Bind(local.Name, value, initializer!, declaration: true);
        }

        statements.Add(new Declare(local.Name, kind, value));
    }

    /// <summary>An assignment, compound assignment, <c>++</c> or <c>--</c>; the effects of its value go first.</summary>
    private Stmt? ParseAssignment(IOperation operation)
    {
        switch (operation)
        {
            case ICompoundAssignmentOperation { IsChecked: true } or IIncrementOrDecrementOperation { IsChecked: true }:
                Unsupported(operation, CheckedReason);
                return null;
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation when ElementTarget(operation) is { } element:
                return ParseElementAssignment(operation, element.Sequence, element.Index);
            case ISimpleAssignmentOperation { Target: var target, Value: var value } when TargetName(target) is { } name:
                {
                    var parsed = Parse(value);
                    if (IsSequence(parsed.Kind))
                    {
                        Bind(name, parsed, value);
                    }

                    return new Assign(name, parsed);
                }
            case ICompoundAssignmentOperation compound when TargetName(compound.Target) is { } name
                && ToBinaryOp(compound.OperatorKind) is { } op
                && compound.OperatorMethod is null:
                {
                    // x op= v means x = (T)(x op v), the operation carried out in the wider of the two types, x read first.
                    var targetKind = Symbols.KindOf(compound.Target.Type);
                    var operands = ParseInOrder([compound.Target, compound.Value]);
                    var (left, right) = (operands[0], operands[1]);
                    var operationKind = left.Kind == ValueKind.Double || right.Kind == ValueKind.Double ? ValueKind.Double
                        : left.Kind == ValueKind.Bool && right.Kind == ValueKind.Bool ? ValueKind.Bool // &=, |=, ^= on bool
                        : ValueKind.Int;
                    var combined = CheckedBinary(op, Widen(left, operationKind), Widen(right, operationKind), operationKind, compound);
                    var value = targetKind == operationKind ? combined : new Model.Convert(combined, targetKind ?? ValueKind.Double);
                    return new Assign(name, value, AssignmentForm.Compound);
                }

            case IIncrementOrDecrementOperation step when TargetName(step.Target) is { } name && step.OperatorMethod is null:
                {
                    var target = Parse(step.Target);
                    var op = step.Kind == OperationKind.Increment ? BinaryOp.Add : BinaryOp.Subtract;
                    return new Assign(name, new Binary(op, target, new Constant(1, target.Kind), target.Kind), AssignmentForm.Step);
                }

            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation
                when (operation is IAssignmentOperation a ? a.Target : ((IIncrementOrDecrementOperation)operation).Target) is IArrayElementReferenceOperation { ArrayReference: var table }
                    && Table(table) is not null:
                Unsupported(table, TableReason(table));
                return null;
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                Unsupported(operation, _arrays
                    ? "only locals, parameters and elements of local arrays, spans and int[] parameters can be assigned"
                    : "only double, int and bool locals and parameters can be assigned");
                return null;
            case IInvocationOperation:
                Unsupported(operation, "the result of a call used as a statement is discarded; assign it to a local");
                return null;
            default:
                Unsupported(operation, "only assignments, ++ and -- can stand as statements");
                return null;
        }
    }

    /// <summary>
    /// An assignment used as a value (<c>y = (x = 2) * x</c>, <c>while (n-- &gt; 0)</c>): the assignment becomes a
    /// statement where C# evaluates it, and the expression reads what C# reads, the new value, or for a postfix
    /// <c>++</c>/<c>--</c> the old one, kept in a temporary.
    /// </summary>
    private Expr ParseAssignmentValue(IOperation operation, ValueKind kind)
    {
        var old = operation is IIncrementOrDecrementOperation { IsPostfix: true } step && TargetName(step.Target) is { } name
            ? Temporary(name + "Before", kind, new Model.Variable(name, kind))
            : null;
        if (ElementTarget(operation) is not null)
        {
            return Unsupported(operation, "write the element assignment as its own statement");
        }

        if (ParseAssignment(operation) is not Assign assignment)
        {
            return Placeholder(operation);
        }

        _effects.Add(assignment);
        return old ?? new Model.Variable(assignment.Name, kind);
    }

    private string? TargetName(IOperation target) => target switch
    {
        ILocalReferenceOperation local when _aliases.TryGetValue(local.Local, out var alias) => alias.Name,
        ILocalReferenceOperation local when (Symbols.KindOf(local.Type) ?? SequenceKind(local.Type)) is not null => local.Local.Name,
        IParameterReferenceOperation parameter when Symbols.KindOf(parameter.Type) is not null => parameter.Parameter.Name,
        _ => null,
    };

    private Expr ParseCondition(IOperation operation)
    {
        var condition = Parse(operation);
        if (condition.Kind != ValueKind.Bool)
        {
            Unsupported(operation, "a condition must be a bool");
        }

        return condition;
    }

    private static Expr Widen(Expr expr, ValueKind kind) =>
        expr.Kind == kind ? expr
        : expr is Constant constant && kind == ValueKind.Double ? Constant.Of(constant.Value)
        : new Model.Convert(expr, kind);

    /// <summary>
    /// Operands in C#'s order, left to right. When a later operand has side effects, an earlier operand that reads what
    /// they assign is read into a temporary before them, so it keeps the value C# gives it: <c>x * (x = 2)</c> is the old
    /// <c>x</c> times 2.
    /// </summary>
    private Expr[] ParseInOrder(IReadOnlyList<IOperation> operands)
    {
        var values = new Expr[operands.Count];
        var ends = new int[operands.Count];
        for (var i = 0; i < operands.Count; i++)
        {
            values[i] = Parse(operands[i]);
            ends[i] = _effects.Count;
        }

        // From the last operand back, so inserting a temporary never moves the effects an earlier operand is checked against.
        for (var i = operands.Count - 2; i >= 0; i--)
        {
            values[i] = SpillIfChanged(values[i], ends[i]);
        }

        return values;
    }

    /// <summary>
    /// A value read before the effects from <paramref name="mark"/> on: if they assign what it reads, it is read into a
    /// temporary at <paramref name="mark"/>, before them.
    /// </summary>
    private Expr SpillIfChanged(Expr value, int mark)
    {
        if (mark == _effects.Count || IsSequence(value.Kind) || !Reads(value, Assigned(_effects.Skip(mark))))
        {
            return value;
        }

        var name = Fresh("operand");
        _effects.Insert(mark, new Declare(name, value.Kind, value));
        return new Model.Variable(name, value.Kind);
    }

    /// <summary><c>a &amp;&amp; b</c> and <c>a || b</c>: a right operand with side effects runs only when C# evaluates it.</summary>
    private Expr ParseShortCircuit(IBinaryOperation binary, BinaryOp op)
    {
        var left = Parse(binary.LeftOperand);
        var (effects, right) = Separately(() => Parse(binary.RightOperand));
        if (effects.Count == 0)
        {
            return new Binary(op, left, right, ValueKind.Bool);
        }

        var result = Temporary("condition", ValueKind.Bool, left);
        Expr evaluatesRight = op == BinaryOp.ConditionalAnd ? result : new Unary(UnaryOp.Not, result, ValueKind.Bool);
        _effects.Add(new If(evaluatesRight, new Block(effects.Append(new Assign(result.Name, right)).ToEquatableArray()), null));
        return result;
    }

    /// <summary><c>c ? a : b</c>: a branch with side effects runs only when taken.</summary>
    private Expr ParseChoice(IConditionalOperation conditional, ValueKind kind)
    {
        if (ThrowIn(conditional.WhenTrue) is { } whenTrueThrows)
        {
            return ParseThrowingChoice(conditional, whenTrueThrows, conditional.WhenFalse!);
        }

        if (ThrowIn(conditional.WhenFalse!) is { } whenFalseThrows)
        {
            return ParseThrowingChoice(conditional, whenFalseThrows, conditional.WhenTrue);
        }

        var condition = ParseCondition(conditional.Condition);
        var (whenTrueEffects, whenTrue) = Separately(() => Parse(conditional.WhenTrue));
        var (whenFalseEffects, whenFalse) = Separately(() => Parse(conditional.WhenFalse!));
        if (whenTrueEffects.Count == 0 && whenFalseEffects.Count == 0)
        {
            return new Conditional(condition, whenTrue, whenFalse, kind);
        }

        var result = Fresh("choice");
        _effects.Add(new Declare(result, kind, null));
        _effects.Add(new If(
            condition,
            new Block(whenTrueEffects.Append(new Assign(result, whenTrue)).ToEquatableArray()),
            new Block(whenFalseEffects.Append(new Assign(result, whenFalse)).ToEquatableArray())));
        return new Model.Variable(result, kind);
    }

    /// <summary>Parses with the side effects collected apart, for an operand that C# may not evaluate.</summary>
    private (List<Stmt> Effects, Expr Value) Separately(System.Func<Expr> parse)
    {
        var outer = _effects;
        _effects = [];
        try
        {
            var value = parse();
            return (_effects, value);
        }
        finally
        {
            _effects = outer;
        }
    }

    /// <summary>A new local holding <paramref name="value"/>, declared among the effects.</summary>
    private Model.Variable Temporary(string stem, ValueKind kind, Expr value)
    {
        var name = Fresh(stem);
        _effects.Add(new Declare(name, kind, value));
        return new Model.Variable(name, kind);
    }

    /// <summary>A name no identifier of the method has, nor any temporary before it.</summary>
    private string Fresh(string stem)
    {
        for (var i = 1; ; i++)
        {
            var candidate = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_names.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The variables the statements assign; for an element written, the array it belongs to, whatever views it.</summary>
    private HashSet<string> Assigned(IEnumerable<Stmt> statements) =>
        new(statements.SelectMany(Nesting.All).Select(s => s switch
        {
            Assign assign => assign.Name,
            ElementAssign element => BaseOf(element.Sequence),
            _ => null,
        }).OfType<string>(), System.StringComparer.Ordinal);

    private bool Reads(Expr expr, HashSet<string> names)
    {
        var reads = false;
        Rewriter.Map(expr, e =>
        {
            reads |= e is Model.Variable v && (names.Contains(v.Name) || names.Contains(BaseOf(v.Name)));
            return e;
        });
        return reads;
    }

    /// <summary>
    /// How deep an expression may nest. Every later pass (derivative rules, simplification, printing, the
    /// pipeline's own equality checks) recurses over the tree, inside a compiler whose thread may have a
    /// 1 MB stack: a deeper expression is a DZ0025 error, never a crash.
    /// </summary>
    public const int MaxDepth = 200;

    private int _depth;

    private Expr Parse(IOperation operation)
    {
        if (_depth >= MaxDepth)
        {
            if (!_diagnostics.Any(d => d.Id == Descriptors.NestedTooDeeply.Id))
            {
                Report(Descriptors.NestedTooDeeply, operation.Syntax, MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return Placeholder(operation);
        }

        _depth++;
        try
        {
            return ParseOperation(operation);
        }
        finally
        {
            _depth--;
        }
    }

    private Expr ParseOperation(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (operation.ConstantValue is { HasValue: true, Value: var value } && Symbols.KindOf(operation.Type) is { } constantKind)
        {
            return value switch
            {
                double d => new Constant(d, constantKind),
                int i => new Constant(i, constantKind),
                bool b => new Constant(b ? 1 : 0, constantKind),
                _ => Unsupported(operation, "only double, int and bool constants are supported"),
            };
        }

        if (operation.ConstantValue is { HasValue: true, Value: { } enumValue } && operation.Type?.TypeKind == TypeKind.Enum)
        {
            return new EnumConstant(Symbols.FullName(operation.Type), System.Convert.ToInt64(enumValue, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Table(operation) is not null)
        {
            return Unsupported(operation, TableReason(operation));
        }

        if ((Symbols.KindOf(operation.Type) ?? SequenceKind(operation.Type)) is not { } kind)
        {
            if (NotReadReason(operation) is { } notRead)
            {
                return Unsupported(notRead.At, notRead.Reason);
            }

            return ThrowIn(operation) is not null
                ? Unsupported(operation, "a throw expression is taken as a branch of ?: or an arm of a switch expression; elsewhere, throw in an if statement before")
                : Unsupported(operation, _arrays
                    ? $"its type '{operation.Type?.ToDisplayString() ?? "?"}' is none of double, int, bool, and arrays and spans of double and int"
                    : $"its type '{operation.Type?.ToDisplayString() ?? "?"}' is none of double, int and bool");
        }

        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                return new Model.Variable(parameter.Parameter.Name, kind);
            case ILocalReferenceOperation local when _aliases.TryGetValue(local.Local, out var alias):
                return alias;
            case ILocalReferenceOperation local:
                return new Model.Variable(local.Local.Name, kind);
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when Table(element.ArrayReference) is { } table:
                return new ElementRead(table, ParseIndex(element.Indices[0]), kind);
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { } sequence } when Table(sequence) is { } table:
                return new Length(table);
            case IFieldReferenceOperation { Instance: { } tuple, Field: var element } when IsGradientTuple(tuple):
                return GradientElements(tuple)[ElementIndex(element)];
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when field.IsReadOnly:
                return new FieldReference(Symbols.Member(field), kind);
            case IConversionOperation conversion when IsSequence(kind) && SequenceKind(conversion.Operand.Type) == kind:
                return Parse(conversion.Operand); // double[] or Span<double> seen as a ReadOnlySpan<double>: the same elements
            case IArrayElementReferenceOperation { Indices.Length: 1 } element when SequenceKind(element.ArrayReference.Type) is not null:
                return ParseElement(element.ArrayReference, element.Indices[0], kind);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } span, Arguments.Length: 1 } indexer when SequenceKind(span.Type) is not null:
                return ParseElement(span, indexer.Arguments[0].Value, kind);
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { } sequence } when SequenceKind(sequence.Type) is not null:
                return new Length(ParseSequence(sequence));
            case IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: null } creation when IsSequence(kind):
                return new NewArray(ParseIndex(creation.DimensionSizes[0]), kind);
            case { Kind: OperationKind.None, Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.StackAllocArrayCreationExpressionSyntax } stackAlloc
                when IsSequence(kind) && stackAlloc.ChildOperations.Count == 1:
                return new NewArray(ParseIndex(stackAlloc.ChildOperations.First()), kind);
            case IBinaryOperation { IsChecked: true } or IUnaryOperation { IsChecked: true } or IConversionOperation { IsChecked: true }:
                return Unsupported(operation, CheckedReason);
            case IConversionOperation conversion when conversion.OperatorMethod is null:
                {
                    var operand = Parse(conversion.Operand);
                    return operand.Kind == kind ? operand
                        : operand.Kind == ValueKind.Bool || kind == ValueKind.Bool ? Unsupported(operation, "bool does not convert to a number")
                        : Widen(operand, kind);
                }

            case IUnaryOperation unary when unary.OperatorMethod is null:
                {
                    var operand = Parse(unary.Operand);
                    return unary.OperatorKind switch
                    {
                        UnaryOperatorKind.Plus => operand,
                        UnaryOperatorKind.Minus => new Unary(UnaryOp.Negate, operand, kind),
                        UnaryOperatorKind.Not => new Unary(UnaryOp.Not, operand, kind),
                        UnaryOperatorKind.BitwiseNegation when kind == ValueKind.Int => new Unary(UnaryOp.BitwiseNot, operand, kind),
                        _ => Unsupported(operation, "use +, - or !"),
                    };
                }

            case IBinaryOperation binary when binary.OperatorMethod is null && !binary.IsChecked:
                {
                    if (ToBinaryOp(binary.OperatorKind) is not { } op)
                    {
                        return Unsupported(operation, "use + - * / and comparisons");
                    }

                    if (op is BinaryOp.ConditionalAnd or BinaryOp.ConditionalOr)
                    {
                        return ParseShortCircuit(binary, op);
                    }

                    if (binary.LeftOperand is IBinaryOperation && IsChainLink(binary) && ParseChain(binary) is { } chain)
                    {
                        return chain;
                    }

                    var operands = ParseInOrder([binary.LeftOperand, binary.RightOperand]);
                    return CheckedBinary(op, operands[0], operands[1], kind, operation);
                }

            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return ParseChoice(conditional, kind);
            case IInvocationOperation invocation:
                return ParseCall(invocation, kind);
            case IIsPatternOperation isPattern:
                return ParseIsPattern(isPattern);
            case ISwitchExpressionOperation switchExpression:
                return ParseSwitchExpression(switchExpression, kind);
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                return ParseAssignmentValue(operation, kind);
            default:
                return NotReadReason(operation) is { } notRead
                    ? Unsupported(notRead.At, notRead.Reason)
                    : Unsupported(operation, "use arithmetic, comparisons, System.Math and [Differentiable] methods");
        }
    }

    /// <summary>
    /// A <c>static readonly</c> <c>double[]</c> or <c>int[]</c> field: a table of constants (the coefficients of a polynomial,
    /// say), read by element and <c>Length</c> in any method and never differentiated, as a static readonly double is.
    /// </summary>
    private static FieldReference? Table(IOperation operation) =>
        operation is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Type: IArrayTypeSymbol { Rank: 1 } array } field }
            ? Symbols.KindOf(array.ElementType) switch
            {
                ValueKind.Double => new FieldReference(Symbols.Member(field), ValueKind.DoubleArray),
                ValueKind.Int => new FieldReference(Symbols.Member(field), ValueKind.IntArray),
                _ => null,
            }
            : null;

    private static string TableReason(IOperation table)
    {
        var name = ((IFieldReferenceOperation)table).Field.Name;
        return $"the static readonly array '{name}' is a table of constants, read as {name}[i], {name}.Length or foreach; it is not passed, viewed, sliced or written: pass its elements, or copy it into a local array";
    }

    /// <summary>
    /// A field or property the generator does not read (a static field that is not readonly, an instance field, a property),
    /// itself or as the array or span indexed: where to report it and what to write instead. Null for anything else.
    /// </summary>
    private static (IOperation At, string Reason)? NotReadReason(IOperation operation)
    {
        var member = operation switch
        {
            IArrayElementReferenceOperation element => element.ArrayReference,
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } indexed } => indexed,
            IPropertyReferenceOperation { Property.Name: "Length", Instance: { } sequence } => sequence,
            _ => operation,
        };
        var table = member.Type is IArrayTypeSymbol or INamedTypeSymbol { Name: "ReadOnlySpan" or "Span" };
        var instead = table
            ? "a table of constants is a static readonly double[] or int[] field ('static readonly double[] C = { 1.0, 0.5 };')"
            : "read a const or static readonly field, or pass the value as a [NoDerivative] double or int parameter";
        return member switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: false, IsConst: false } field } =>
                (member, $"the static field '{field.Name}' is not readonly, so it could change between a value and its gradient; {instead}"),
            IFieldReferenceOperation { Field: { IsStatic: false } field } =>
                (member, $"'{field.Name}' is an instance field; {instead}"),
            IPropertyReferenceOperation { Property: { IsIndexer: false } property } =>
                (member, $"the property '{property.Name}' is not read (a property runs code); {instead}"),
            _ => null,
        };
    }

    private Expr CheckedBinary(BinaryOp op, Expr left, Expr right, ValueKind kind, IOperation operation)
    {
        var isArithmetic = op <= BinaryOp.Remainder;
        if (op == BinaryOp.Remainder && kind == ValueKind.Double)
        {
            return Unsupported(operation, "% on double is not differentiated; use Math.Floor or Math.Truncate to write the remainder");
        }

        if (isArithmetic && kind == ValueKind.Bool)
        {
            return Unsupported(operation, "arithmetic on bool");
        }

        if (op >= BinaryOp.And && kind == ValueKind.Double)
        {
            return Unsupported(operation, "bitwise operators do not apply to double");
        }

        return new Binary(op, left, right, kind);
    }

    private Expr ParseCall(IInvocationOperation invocation, ValueKind kind)
    {
        var method = invocation.TargetMethod;
        if (IsSequence(kind) && SequenceView(invocation) is { } view)
        {
            return view;
        }

        // Arguments are read only for calls we can take: a call that is an error is reported once, alone.
        EquatableArray<Expr> Arguments() =>
            ParseInOrder(invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => a.Value).ToArray()).ToEquatableArray();
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return ParseLocalCall(invocation, kind, Arguments);
        }

        var isMath = method.ContainingType?.ToDisplayString() == "System.Math" || method.ContainingType?.SpecialType == SpecialType.System_Double;
        if (isMath && method.IsStatic && Catalog.Find(method.Name, method.Parameters.Length) is not null)
        {
            var allDouble = method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double);
            var allInt = method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Int32);
            var isRound = method.Name == "Round" && method.Parameters[0].Type.SpecialType == SpecialType.System_Double;
            var ofNumbers = method.ReturnType.SpecialType == SpecialType.System_Double
                && method.Parameters.All(p => p.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Int32); // ScaleB(x, n), RootN(x, n)
            if ((allDouble && method.ReturnType.SpecialType is SpecialType.System_Double or SpecialType.System_Int32) || allInt || isRound || ofNumbers)
            {
                return new MathCall(method.Name, Arguments(), kind);
            }
        }

        var display = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var function = Symbols.Member(method);
        var differentiated = method.Parameters.Select(Symbols.IsDifferentiated).ToEquatableArray();
        if (_carrying && Symbols.IsStaticFunctionOfNumbers(method))
        {
            // In an exception's message or a logged value: evaluated, never differentiated, so no derivative is needed.
            return new UserCall(function, null, null, Arguments(), method.Parameters.Select(_ => false).ToEquatableArray(), kind);
        }

        if (Symbols.GradientCallee(method) is { } behind)
        {
            return Unsupported(invocation, ArrayGradientCallReason(behind)); // One of scalars returns a tuple, taken apart where it is read.
        }

        var callee = _callees.Resolve(method, invocation.Syntax, _diagnostics);
        if (callee.Known)
        {
            if (callee.Gradient is null)
            {
                return new Constant(0, kind);
            }

            // Calls the callee makes to functions with supplied derivatives must be settled for this method too.
            foreach (var key in callee.Pending)
            {
                _pending.Add(new PendingCall(key, display, LocationInfo.From(invocation.Syntax), Via: display));
            }

            return new UserCall(function, callee.Gradient, null, Arguments(), differentiated, TakesArrays: method.Parameters.Any(p => SequenceKind(p.Type) is not null));
        }

        if (Symbols.IsStaticFunctionOfNumbers(method) && (kind != ValueKind.Double || !differentiated.Any(d => d)))
        {
            // No derivative to take: an int or bool result, or no double argument. Evaluated as it is.
            return new UserCall(function, null, null, Arguments(), differentiated, kind);
        }

        if (Symbols.IsPlainFunction(method) && method.GetDocumentationCommentId() is { } id)
        {
            // Differentiable only if a [DerivativeOf] registration for it exists; settled once they are gathered.
            _pending.Add(new PendingCall(id, display, LocationInfo.From(invocation.Syntax), Via: null) { Advice = Symbols.NoDerivativeAdvice(method) });
            return new UserCall(function, null, id, Arguments(), differentiated);
        }

        Report(Descriptors.NotDifferentiableCall, invocation.Syntax, display, Symbols.NoDerivativeAdvice(method));
        return new Constant(0, kind);
    }

    private static bool IsSequence(ValueKind kind) => kind is ValueKind.DoubleArray or ValueKind.IntArray;

    /// <summary>The sequence kind of a type, where sequences may appear (the method takes a span or array parameter).</summary>
    private ValueKind? SequenceKind(ITypeSymbol? type) => _arrays ? Symbols.SequenceKindOf(type) : null;

    /// <summary>An int index, or any int expression a sequence needs (a length, a slice's bounds).</summary>
    private Expr ParseIndex(IOperation operation)
    {
        var index = Parse(operation);
        return index.Kind == ValueKind.Int ? index : Unsupported(operation, "an index or length must be an int");
    }

    /// <summary>A sequence: a parameter, a local, or a slice or span of one.</summary>
    private Expr ParseSequence(IOperation operation)
    {
        var sequence = Parse(operation);
        return IsSequence(sequence.Kind) || IsPlaceholder(sequence) ? sequence : Unsupported(operation, "expected an array or span");
    }

    private Expr ParseElement(IOperation sequence, IOperation index, ValueKind kind)
    {
        var operands = ParseInOrder([sequence, index]);
        return operands[0] is Model.Variable or Slice ? new ElementRead(operands[0], operands[1], kind)
            : IsPlaceholder(operands[0]) ? operands[0]
            : Unsupported(sequence, "index a parameter, a local or a slice");
    }

    /// <summary><c>s.Slice(start[, length])</c> and <c>a.AsSpan([start[, length]])</c>: views, never copies.</summary>
    private Expr? SequenceView(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var (source, bounds) = method.Name switch
        {
            "Slice" when invocation.Instance is { } instance && SequenceKind(instance.Type) is not null => (instance, invocation.Arguments.Select(a => a.Value).ToArray()),
            "AsSpan" or "AsReadOnlySpan" when invocation.Instance is null && invocation.Arguments.Length > 0 && SequenceKind(invocation.Arguments[0].Value.Type) is not null
                && method.ContainingType?.ToDisplayString() == "System.MemoryExtensions" => (invocation.Arguments[0].Value, invocation.Arguments.Skip(1).Select(a => a.Value).ToArray()),
            _ => (null, []),
        };
        if (source is null || bounds.Length > 2 || bounds.Any(b => b.Type?.SpecialType != SpecialType.System_Int32))
        {
            return null;
        }

        var operands = ParseInOrder([source, .. bounds]);
        var sequence = operands[0];
        if (bounds.Length == 0)
        {
            return sequence;
        }

        // Slice(start) runs to the end; start is an atom or read twice, which has no effect: effects were hoisted.
        var count = bounds.Length == 2 ? operands[2] : new Binary(BinaryOp.Subtract, new Length(sequence), operands[1], ValueKind.Int);
        return new Slice(sequence, operands[1], count, sequence.Kind);
    }

    /// <summary>
    /// Records which array a sequence variable views. A span local must always view the same array (it may move along
    /// it), so that its elements' gradients have one home.
    /// </summary>
    private void Bind(string name, Expr value, IOperation at, bool declaration = false)
    {
        var root = value switch
        {
            NewArray => name,
            Model.Variable v => BaseOf(v.Name),
            Slice { Sequence: Model.Variable v } => BaseOf(v.Name),
            _ => null,
        };
        if (root is null && IsPlaceholder(value))
        {
            return; // Already reported.
        }

        if (root is null)
        {
            Report(Descriptors.SpanViewsTwoArrays, at.Syntax, name, "is set to something other than a new array, a parameter, a local or a slice of one");
        }
        else if (_bases.TryGetValue(name, out var known) && known != root)
        {
            Report(Descriptors.SpanViewsTwoArrays, at.Syntax, name, $"views '{known}' and here '{root}'");
        }
        else
        {
            _bases[name] = root;
            if (root != name && _viewed.Add(root) && _replaced.TryGetValue(root, out var replacement))
            {
                ReportReplaced(root, replacement);
            }
            else if (root == name && !declaration && value is NewArray && !_replaced.ContainsKey(root))
            {
                _replaced[root] = at;
                if (_viewed.Contains(root))
                {
                    ReportReplaced(root, at);
                }
            }
        }
    }

    private void ReportReplaced(string array, IOperation at) =>
        Unsupported(at, $"a span views '{array}' and would keep its old array; give the new array a local of its own");

    private static bool Assigns(Stmt statement, string name) => Nesting.All(statement).Any(s => s is Assign assign && assign.Name == name);

    private string BaseOf(string sequence) => _bases.TryGetValue(sequence, out var root) ? root : sequence;

    /// <summary>The sequence and index an assignment, compound assignment, <c>++</c> or <c>--</c> writes, if it writes an element.</summary>
    private (IOperation Sequence, IOperation Index)? ElementTarget(IOperation operation)
    {
        var target = operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation step => step.Target,
            _ => null,
        };
        return target switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1 } element when SequenceKind(element.ArrayReference.Type) is not null => (element.ArrayReference, element.Indices[0]),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } span, Arguments.Length: 1 } indexer when SequenceKind(span.Type) is not null => (span, indexer.Arguments[0].Value),
            _ => null,
        };
    }

    /// <summary><c>a[i] = e</c>, <c>a[i] op= e</c>, <c>a[i]++</c>: into a local array or span, or an int[] parameter.</summary>
    private Stmt? ParseElementAssignment(IOperation operation, IOperation sequenceOperation, IOperation indexOperation)
    {
        if (Table(sequenceOperation) is not null)
        {
            Unsupported(sequenceOperation, TableReason(sequenceOperation));
            return null;
        }

        var sequence = ParseSequence(sequenceOperation);
        if (sequence is not Model.Variable { Name: var name })
        {
            Unsupported(operation, "write elements of a parameter or local, not of a slice expression; declare the slice as a local first");
            return null;
        }

        if (_inputs.Contains(BaseOf(name)))
        {
            Report(Descriptors.ArrayParameterWritten, operation.Syntax, Excerpt(operation.Syntax), BaseOf(name));
            return null;
        }

        // The index is read once: an expression becomes a temporary, so the element read and written is one element.
        var index = Parse(indexOperation);
        if (index is not (Model.Variable or Constant))
        {
            index = Temporary("index", ValueKind.Int, index);
        }

        var elementKind = Symbols.ElementKind(sequence.Kind);
        var element = new ElementRead(sequence, index, elementKind);
        switch (operation)
        {
            case ISimpleAssignmentOperation simple:
                return new ElementAssign(name, index, Widen(Parse(simple.Value), elementKind));
            case ICompoundAssignmentOperation compound when ToBinaryOp(compound.OperatorKind) is { } op && compound.OperatorMethod is null:
                {
                    var mark = _effects.Count;
                    var right = Parse(compound.Value);
                    var left = SpillIfChanged(element, mark);
                    var operationKind = left.Kind == ValueKind.Double || right.Kind == ValueKind.Double ? ValueKind.Double : ValueKind.Int;
                    var combined = CheckedBinary(op, Widen(left, operationKind), Widen(right, operationKind), operationKind, compound);
                    return new ElementAssign(name, index, operationKind == elementKind ? combined : new Model.Convert(combined, elementKind), AssignmentForm.Compound);
                }

            case IIncrementOrDecrementOperation step when step.OperatorMethod is null:
                {
                    var op = step.Kind == OperationKind.Increment ? BinaryOp.Add : BinaryOp.Subtract;
                    return new ElementAssign(name, index, new Binary(op, element, new Constant(1, elementKind), elementKind), AssignmentForm.Step);
                }

            default:
                Unsupported(operation, "use =, a compound assignment, ++ or --");
                return null;
        }
    }

    /// <summary><c>foreach (var v in s) body</c> as <c>for (int i = 0; i &lt; s.Length; i++) { var v = s[i]; body }</c>.</summary>
    /// <summary>What a foreach runs over: an array comes wrapped in its conversion to IEnumerable.</summary>
    private static IOperation Collection(IForEachLoopOperation loop) =>
        loop.Collection is IConversionOperation { Operand: { Type: IArrayTypeSymbol } array } ? array : loop.Collection;

    private Loop ParseForEach(IForEachLoopOperation loop, ILocalSymbol element, ValueKind sequenceKind)
    {
        var sequence = Table(Collection(loop)) ?? ParseSequence(Collection(loop));
        if (sequence is not (Model.Variable or FieldReference))
        {
            var view = Fresh("items");
            Bind(view, sequence, Collection(loop));
            _effects.Add(new Declare(view, sequenceKind, sequence));
            sequence = new Model.Variable(view, sequenceKind);
        }

        var index = new Model.Variable(Fresh("index"), ValueKind.Int);
        var elementKind = Symbols.ElementKind(sequenceKind);
        if (Symbols.KindOf(element.Type) is not { } declared || (declared != elementKind && !(declared == ValueKind.Double && elementKind == ValueKind.Int)))
        {
            Unsupported(loop, $"the loop variable '{element.Name}' must be a {CSharpKeyword(elementKind)}");
        }

        var body = ParseBlock(loop.Body);
        if (sequence is Model.Variable { Name: var name } && Assigns(body, name))
        {
            // C# reads the collection once: a new value the body gives the local must not change what the loop runs over.
            var view = Fresh("items");
            Bind(view, sequence, Collection(loop));
            _effects.Add(new Declare(view, sequenceKind, sequence));
            sequence = new Model.Variable(view, sequenceKind);
        }

        var read = Widen(new ElementRead(sequence, index, elementKind), Symbols.KindOf(element.Type) ?? elementKind);
        var statements = new Stmt[] { new Declare(element.Name, read.Kind, read) }.Concat(body.Statements).ToEquatableArray();
        return new Loop(
            new Block(EquatableArray.Of<Stmt>(new Declare(index.Name, ValueKind.Int, new Constant(0, ValueKind.Int)))),
            new Binary(BinaryOp.Less, index, new Length(sequence), ValueKind.Bool),
            ConditionAtBottom: false,
            new Block(statements),
            new Block(EquatableArray.Of<Stmt>(new Assign(index.Name, new Binary(BinaryOp.Add, index, new Constant(1, ValueKind.Int), ValueKind.Int), AssignmentForm.Step))));
    }

    private static string CSharpKeyword(ValueKind kind) => kind == ValueKind.Int ? "int" : "double";

    private static BinaryOp? ToBinaryOp(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => BinaryOp.Add,
        BinaryOperatorKind.Subtract => BinaryOp.Subtract,
        BinaryOperatorKind.Multiply => BinaryOp.Multiply,
        BinaryOperatorKind.Divide => BinaryOp.Divide,
        BinaryOperatorKind.Remainder => BinaryOp.Remainder,
        BinaryOperatorKind.Equals => BinaryOp.Equal,
        BinaryOperatorKind.NotEquals => BinaryOp.NotEqual,
        BinaryOperatorKind.LessThan => BinaryOp.Less,
        BinaryOperatorKind.LessThanOrEqual => BinaryOp.LessOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOp.Greater,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOp.GreaterOrEqual,
        BinaryOperatorKind.ConditionalAnd => BinaryOp.ConditionalAnd,
        BinaryOperatorKind.ConditionalOr => BinaryOp.ConditionalOr,
        BinaryOperatorKind.And => BinaryOp.And,
        BinaryOperatorKind.Or => BinaryOp.Or,
        BinaryOperatorKind.ExclusiveOr => BinaryOp.ExclusiveOr,
        BinaryOperatorKind.LeftShift => BinaryOp.LeftShift,
        BinaryOperatorKind.RightShift => BinaryOp.RightShift,
        _ => null,
    };

    private Expr Unsupported(IOperation operation, string reason)
    {
        var isStatement = operation.Parent is IBlockOperation or null || operation is IBranchOperation or ILoopOperation;
        Report(isStatement ? Descriptors.UnsupportedStatement : Descriptors.UnsupportedExpression, operation.Syntax, Excerpt(operation.Syntax), reason);
        return Placeholder(operation); // So one problem is reported once, not again by its parent.
    }

    /// <summary>What checked int arithmetic is told: the generated members would not throw on overflow where the method does.</summary>
    private const string CheckedReason =
        "checked(…) int arithmetic is not carried into the generated code, which would not throw OverflowException where the method does; "
        + "remove checked, or test the range with an if and throw";

    /// <summary>
    /// The code a message quotes, on one line: a build log shows a diagnostic's first line only, so a statement quoted
    /// with its line breaks would hide the reason and the help link after it.
    /// </summary>
    internal static string Excerpt(SyntaxNode node)
    {
        const int Limit = 60;
        var text = System.Text.RegularExpressions.Regex.Replace(node.ToString(), @"\s+", " ");
        return text.Length > Limit ? text.Substring(0, Limit - 3) + "..." : text;
    }

    private static Constant Placeholder(IOperation operation) => new(0, Symbols.KindOf(operation.Type) ?? ValueKind.Double);

    /// <summary>
    /// Where a sequence was expected, a number can only be what <see cref="Placeholder"/> left for something already
    /// reported: it is not reported again.
    /// </summary>
    private static bool IsPlaceholder(Expr expr) => expr is Constant;

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode node, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, LocationInfo.From(node), arguments.ToEquatableArray()));
}
