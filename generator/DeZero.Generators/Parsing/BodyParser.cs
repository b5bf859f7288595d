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
internal sealed class BodyParser
{
    /// <summary>The System.Math members that are differentiable almost everywhere.</summary>
    private static readonly HashSet<string> MathFunctions =
    [
        "Abs", "Acos", "Acosh", "Asin", "Asinh", "Atan", "Atan2", "Atanh", "Cbrt", "Ceiling", "Clamp", "Cos",
        "Cosh", "Exp", "Floor", "FusedMultiplyAdd", "Log", "Log10", "Log2", "Max", "Min", "Pow", "Round",
        "Sign", "Sin", "Sinh", "Sqrt", "Tan", "Tanh", "Truncate",
    ];

    private readonly CalleeChecker _callees;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<PendingCall> _pending = [];

    public BodyParser(CalleeChecker callees, CancellationToken cancellationToken)
    {
        _callees = callees;
        _cancellationToken = cancellationToken;
    }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public IReadOnlyList<PendingCall> Pending => _pending;

    public Block ParseBody(IOperation body) => ParseBlock(body);

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
            case IExpressionStatementOperation { Operation: var expression }:
                if (ParseAssignment(expression) is { } assignment)
                {
                    statements.Add(assignment);
                }

                break;
            case IReturnOperation { ReturnedValue: { } value }:
                statements.Add(new Return(ParseDouble(value)));
                break;
            case IConditionalOperation { WhenTrue: var whenTrue, WhenFalse: var whenFalse, Condition: var condition }:
                statements.Add(new If(
                    ParseCondition(condition),
                    ParseBlock(whenTrue),
                    whenFalse is null ? null : ParseBlock(whenFalse)));
                break;
            case IWhileLoopOperation loop when !loop.ConditionIsUntil:
                statements.Add(new Loop(
                    Block.Empty,
                    loop.Condition is null ? null : ParseCondition(loop.Condition),
                    ConditionAtBottom: !loop.ConditionIsTop,
                    ParseBlock(loop.Body),
                    Block.Empty));
                break;
            case IForLoopOperation loop:
                statements.Add(new Loop(
                    ParseStatements(loop.Before),
                    loop.Condition is null ? null : ParseCondition(loop.Condition),
                    ConditionAtBottom: false,
                    ParseBlock(loop.Body),
                    ParseStatements(loop.AtLoopBottom)));
                break;
            case IBranchOperation { BranchKind: BranchKind.Break }:
                statements.Add(new Break());
                break;
            case IBranchOperation { BranchKind: BranchKind.Continue }:
                statements.Add(new Continue());
                break;
            case IForEachLoopOperation:
                Unsupported(operation, "foreach needs a collection; loop with for over an int counter instead");
                break;
            case ILocalFunctionOperation:
                Unsupported(operation, "local functions cannot be differentiated; make it a [Differentiable] static method");
                break;
            case IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation }:
                Unsupported(operation, "a derivative cannot pass through an exception; return a value (NaN, for example) instead");
                break;
            default:
                Unsupported(operation, "use declarations, assignments, if/else, loops and return");
                break;
        }
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

        if (KindOf(local.Type) is not { } kind)
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
        statements.Add(new Declare(Identifier(local.Name), kind, initializer is null ? null : Parse(initializer)));
    }

    private Stmt? ParseAssignment(IOperation operation)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: var target, Value: var value } when TargetName(target) is { } name:
                return new Assign(name, Parse(value));
            case ICompoundAssignmentOperation compound when TargetName(compound.Target) is { } name
                && ToBinaryOp(compound.OperatorKind) is { } op
                && compound.OperatorMethod is null:
                {
                    // x op= v means x = (T)(x op v), the operation carried out in the wider of the two types.
                    var targetKind = KindOf(compound.Target.Type);
                    var left = Parse(compound.Target);
                    var right = Parse(compound.Value);
                    var operationKind = left.Kind == ValueKind.Double || right.Kind == ValueKind.Double ? ValueKind.Double : ValueKind.Int;
                    var combined = CheckedBinary(op, Widen(left, operationKind), Widen(right, operationKind), operationKind, compound);
                    return new Assign(name, targetKind == operationKind ? combined : new Model.Convert(combined, targetKind ?? ValueKind.Double));
                }

            case IIncrementOrDecrementOperation step when TargetName(step.Target) is { } name && step.OperatorMethod is null:
                {
                    var target = Parse(step.Target);
                    var op = step.Kind == OperationKind.Increment ? BinaryOp.Add : BinaryOp.Subtract;
                    return new Assign(name, new Binary(op, target, new Constant(1, target.Kind), target.Kind));
                }

            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                Unsupported(operation, "only double, int and bool locals and parameters can be assigned");
                return null;
            case IInvocationOperation:
                Unsupported(operation, "the result of a call used as a statement is discarded; assign it to a local");
                return null;
            default:
                Unsupported(operation, "only assignments, ++ and -- can stand as statements");
                return null;
        }
    }

    private string? TargetName(IOperation target) => target switch
    {
        ILocalReferenceOperation local when KindOf(local.Type) is not null => Identifier(local.Local.Name),
        IParameterReferenceOperation parameter when KindOf(parameter.Type) is not null => Identifier(parameter.Parameter.Name),
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

    private Expr ParseDouble(IOperation operation) => Widen(Parse(operation), ValueKind.Double);

    private static Expr Widen(Expr expr, ValueKind kind) =>
        expr.Kind == kind ? expr
        : expr is Constant constant && kind == ValueKind.Double ? Constant.Of(constant.Value)
        : new Model.Convert(expr, kind);

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
        if (operation.ConstantValue is { HasValue: true, Value: var value } && KindOf(operation.Type) is { } constantKind)
        {
            return value switch
            {
                double d => new Constant(d, constantKind),
                int i => new Constant(i, constantKind),
                bool b => new Constant(b ? 1 : 0, constantKind),
                _ when operation.Type?.TypeKind == TypeKind.Enum => new EnumConstant(FullName(operation.Type), System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
                _ => Unsupported(operation, "only double, int and bool constants are supported"),
            };
        }

        if (operation.ConstantValue is { HasValue: true, Value: { } enumValue } && operation.Type?.TypeKind == TypeKind.Enum)
        {
            return new EnumConstant(FullName(operation.Type), System.Convert.ToInt64(enumValue, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (KindOf(operation.Type) is not { } kind)
        {
            return Unsupported(operation, $"its type '{operation.Type?.ToDisplayString() ?? "?"}' is none of double, int and bool");
        }

        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                return new Model.Variable(Identifier(parameter.Parameter.Name), kind);
            case ILocalReferenceOperation local:
                return new Model.Variable(Identifier(local.Local.Name), kind);
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when field.IsReadOnly:
                return new FieldReference(FullName(field.ContainingType) + "." + Identifier(field.Name), kind);
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

                    return CheckedBinary(op, Parse(binary.LeftOperand), Parse(binary.RightOperand), kind, operation);
                }

            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return new Conditional(
                    ParseCondition(conditional.Condition),
                    Parse(conditional.WhenTrue),
                    Parse(conditional.WhenFalse),
                    kind);
            case IInvocationOperation invocation:
                return ParseCall(invocation, kind);
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                return Unsupported(operation, "an assignment inside an expression hides an update; write it as its own statement");
            default:
                return Unsupported(operation, "use arithmetic, comparisons, System.Math and [Differentiable] methods");
        }
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
        // Arguments are read only for calls we can take: a call that is an error is reported once, alone.
        EquatableArray<Expr> Arguments() =>
            invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).Select(a => Parse(a.Value)).ToEquatableArray();
        var owner = method.ContainingType?.SpecialType;
        var isMath = method.ContainingType?.ToDisplayString() == "System.Math" || owner == SpecialType.System_Double;
        if (isMath && method.IsStatic && MathFunctions.Contains(method.Name))
        {
            var allDouble = method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double);
            var allInt = method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Int32);
            var isRound = method.Name == "Round" && method.Parameters[0].Type.SpecialType == SpecialType.System_Double;
            if ((allDouble && method.ReturnType.SpecialType is SpecialType.System_Double or SpecialType.System_Int32) || allInt || isRound)
            {
                return new MathCall(method.Name, Arguments(), kind);
            }
        }

        var display = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var function = FullName(method.ContainingType!) + "." + Identifier(method.Name);
        var differentiated = method.Parameters.Select(p => p.Type.SpecialType == SpecialType.System_Double).ToEquatableArray();
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

            return new UserCall(function, callee.Gradient, null, Arguments(), differentiated);
        }

        if (IsStaticFunctionOfNumbers(method) && (kind != ValueKind.Double || !differentiated.Any(d => d)))
        {
            // No derivative to take: an int or bool result, or no double argument. Evaluated as it is.
            return new UserCall(function, null, null, Arguments(), differentiated, kind);
        }

        if (IsPlainFunction(method) && method.GetDocumentationCommentId() is { } id)
        {
            // Differentiable only if a [DerivativeOf] registration for it exists; settled once they are gathered.
            _pending.Add(new PendingCall(id, display, LocationInfo.From(invocation.Syntax), Via: null));
            return new UserCall(function, null, id, Arguments(), differentiated);
        }

        Report(Descriptors.NotDifferentiableCall, invocation.Syntax, display);
        return new Constant(0, kind);
    }

    /// <summary>A static function of double and int values returning double: one a derivative can be supplied for.</summary>
    internal static bool IsPlainFunction(IMethodSymbol method) =>
        IsStaticFunctionOfNumbers(method) && method.ReturnType.SpecialType == SpecialType.System_Double;

    private static bool IsStaticFunctionOfNumbers(IMethodSymbol method) =>
        method.IsStatic
        && !method.IsGenericMethod
        && method.MethodKind == MethodKind.Ordinary
        && !method.ReturnsByRef
        && KindOf(method.ReturnType) is not null
        && method.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams && KindOf(p.Type) is ValueKind.Double or ValueKind.Int);

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

    internal static ValueKind? KindOf(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Double => ValueKind.Double,
        SpecialType.System_Int32 => ValueKind.Int,
        SpecialType.System_Boolean => ValueKind.Bool,
        _ => null,
    };

    internal static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>A name as it must be written in C#: keywords get their <c>@</c> back.</summary>
    internal static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private Expr Unsupported(IOperation operation, string reason)
    {
        var isStatement = operation.Parent is IBlockOperation or null || operation is IBranchOperation or ILoopOperation;
        var text = operation.Syntax.ToString();
        if (text.Length > 60)
        {
            text = text.Substring(0, 57) + "...";
        }

        Report(isStatement ? Descriptors.UnsupportedStatement : Descriptors.UnsupportedExpression, operation.Syntax, text, reason);
        return Placeholder(operation); // So one problem is reported once, not again by its parent.
    }

    private static Constant Placeholder(IOperation operation) => new(0, KindOf(operation.Type) ?? ValueKind.Double);

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode node, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, LocationInfo.From(node), arguments.ToEquatableArray()));
}
