using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeZero.Generators.Parsing;

// What a body runs without differentiating it: exceptions thrown for bad input, void calls for logging. Both are carried
// into the generated members as the C# the user wrote, every type named in full, the method's numbers as model expressions.
internal sealed partial class BodyParser
{
    private const string CarryAdvice =
        "an exception or a logged value is built from constants, nameof, strings, interpolated strings, the method's numbers, "
        + "and static members; compute anything else into a local first";

    /// <summary>True while a hole of carried code is parsed: its calls are evaluated, never differentiated.</summary>
    private bool _carrying;

    /// <summary><c>throw e;</c>, or null (reported) when <c>e</c> cannot be carried.</summary>
    private Throw? ParseThrow(IThrowOperation thrown)
    {
        if (_arrays)
        {
            Unsupported(thrown, ArraysNotYet);
            return null;
        }

        if (thrown.Exception is not { } exception)
        {
            Unsupported(thrown, "a rethrow needs a catch, which a [Differentiable] method cannot have");
            return null;
        }

        return Carried(exception) is { } code ? new Throw(code) : null;
    }

    /// <summary>A void call kept as a statement, or null (reported) when it cannot be carried.</summary>
    private VoidCall? ParseVoidCall(IInvocationOperation call)
    {
        if (_arrays)
        {
            Unsupported(call, ArraysNotYet);
            return null;
        }

        return Carried(call) is { } code ? new VoidCall(code) : null;
    }

    /// <summary>Reverse mode, for methods of arrays, does not yet carry throws and calls through its two sweeps.</summary>
    private const string ArraysNotYet =
        "a method with array or span parameters cannot throw or log yet; validate before calling it, or return NaN";

    /// <summary>The thrown exception when <paramref name="operation"/> is a throw expression (<c>c ? v : throw e</c>).</summary>
    private static IThrowOperation? ThrowIn(IOperation operation) => operation switch
    {
        IThrowOperation thrown => thrown,
        IConversionOperation { Operand: IThrowOperation thrown } => thrown,
        _ => null,
    };

    /// <summary>
    /// <c>c ? v : throw e</c> (or <c>c ? throw e : v</c>): the throw becomes <c>if (!c) throw e;</c> among the effects, and the
    /// value is that of the other branch, parsed after it, as C# evaluates it only when nothing was thrown.
    /// </summary>
    private Expr ParseThrowingChoice(IConditionalOperation conditional, IThrowOperation thrown, IOperation other)
    {
        var condition = ParseCondition(conditional.Condition);
        Throw? statement = null;
        var (effects, _) = Separately(() =>
        {
            statement = ParseThrow(thrown);
            return Constant.Zero;
        });
        if (statement is not null)
        {
            var throwsWhen = ThrowIn(conditional.WhenTrue) is not null ? condition : new Unary(UnaryOp.Not, condition, ValueKind.Bool);
            _effects.Add(new If(throwsWhen, new Block(effects.Append(statement).ToEquatableArray()), null));
        }

        return Parse(other);
    }

    private Verbatim? Carried(IOperation operation)
    {
        var code = new VerbatimBuilder();
        return Carry(operation, code, parenthesize: false) ? code.Build() : null;
    }

    /// <summary>
    /// Appends <paramref name="operation"/> as C# to <paramref name="code"/>; false (reported) when it cannot be carried.
    /// <paramref name="parenthesize"/>: the place binds tighter than a compound expression (an operand, an interpolation).
    /// </summary>
    private bool Carry(IOperation operation, VerbatimBuilder code, bool parenthesize)
    {
        if (Symbols.KindOf(operation.Type) is not null)
        {
            var outer = _carrying;
            _carrying = true;
            var value = Parse(operation);
            _carrying = outer;
            var wrap = parenthesize && !(value is Model.Variable || (value is Constant c && System.BitConverter.DoubleToInt64Bits(c.Value) >= 0));
            code.Text(wrap ? "(" : string.Empty).Hole(value).Text(wrap ? ")" : string.Empty);
            return true;
        }

        switch (operation)
        {
            case { ConstantValue: { HasValue: true, Value: null } }:
                code.Text("null");
                return true;
            case { ConstantValue: { HasValue: true, Value: string text } }:
                code.Text(SymbolDisplay.FormatLiteral(text, quote: true));
                return true;
            case { ConstantValue: { HasValue: true, Value: char character } }:
                code.Text(SymbolDisplay.FormatLiteral(character, quote: true));
                return true;
            case IConversionOperation { IsImplicit: true } conversion:
                // Written nowhere: C# applies it again to the carried operand.
                return Carry(conversion.Operand, code, parenthesize);
            case IConversionOperation { OperatorMethod: null } conversion when TypeName(conversion.Type, operation) is { } type:
                code.Text($"(({type})(");
                if (!Carry(conversion.Operand, code, parenthesize: false))
                {
                    return false;
                }

                code.Text("))");
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                // Left-associative: a concatenation on the left needs no parentheses, anything compound on the right does.
                code.Text(parenthesize ? "(" : string.Empty);
                if (!Carry(concatenation.LeftOperand, code, parenthesize: !IsConcatenation(concatenation.LeftOperand)))
                {
                    return false;
                }

                code.Text(" + ");
                if (!Carry(concatenation.RightOperand, code, parenthesize: true))
                {
                    return false;
                }

                code.Text(parenthesize ? ")" : string.Empty);
                return true;
            case IInterpolatedStringOperation interpolated:
                return CarryInterpolated(interpolated, code);
            case IInterpolatedStringHandlerCreationOperation { Content: IInterpolatedStringOperation content }:
                return CarryInterpolated(content, code);
            case IObjectCreationOperation { Initializer: null, Constructor: { } constructor } creation
                when TypeName(creation.Type, operation) is { } type:
                code.Text($"new {type}");
                return CarryArguments(creation.Arguments, constructor, code);
            case IInvocationOperation invocation:
                return CarryCall(invocation, code);
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when TypeName(field.ContainingType, operation) is { } type:
                code.Text($"{type}.{Symbols.Escaped(field.Name)}");
                return true;
            case IPropertyReferenceOperation { Property: { IsStatic: true, IsIndexer: false } property } when TypeName(property.ContainingType, operation) is { } type:
                code.Text($"{type}.{Symbols.Escaped(property.Name)}");
                return true;
            default:
                Unsupported(operation, CarryAdvice);
                return false;
        }
    }

    private static bool IsConcatenation(IOperation operation) =>
        operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String };

    /// <summary>
    /// A static method, or a method of one of the method's numbers (<c>n.ToString(…)</c>) or of a static field or property
    /// (<c>Console.Out.WriteLine</c>), called as written.
    /// </summary>
    private bool CarryCall(IInvocationOperation invocation, VerbatimBuilder code)
    {
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            Unsupported(invocation, "a local function is not carried into the generated code; make it a static method of the type");
            return false;
        }

        if (method.IsStatic)
        {
            if (TypeName(method.ContainingType, invocation) is not { } type)
            {
                return false;
            }

            code.Text($"{type}.");
        }
        else if (invocation.Instance is { } instance
            && (instance is IFieldReferenceOperation { Field.IsStatic: true } or IPropertyReferenceOperation { Property.IsStatic: true }
                || Symbols.KindOf(instance.Type) is not null)) // n.ToString(CultureInfo.InvariantCulture)
        {
            if (!Carry(instance, code, parenthesize: true))
            {
                return false;
            }

            code.Text(".");
        }
        else
        {
            Unsupported(invocation, "only static methods, and methods of the method's numbers and of static fields and properties, are carried; " + CarryAdvice);
            return false;
        }

        code.Text(Symbols.Escaped(method.Name));
        if (method.IsGenericMethod)
        {
            var arguments = method.TypeArguments.Select(t => TypeName(t, invocation)).ToArray();
            if (arguments.Any(a => a is null))
            {
                return false;
            }

            code.Text("<" + string.Join(", ", arguments) + ">");
        }

        return CarryArguments(invocation.Arguments, method, code);
    }

    /// <summary>
    /// <c>(a, b, name: c)</c>: the arguments written, in the order written; of the defaults, only those the compiler computes
    /// from the call site (<c>[CallerArgumentExpression]</c> and the like), named, so they say what they said in the method.
    /// </summary>
    private bool CarryArguments(ImmutableArray<IArgumentOperation> arguments, IMethodSymbol method, VerbatimBuilder code)
    {
        // An expanded params argument stands for the call as a whole: it goes where its elements are (last, when there are none).
        var written = arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue)
            .OrderBy(a => a.Value.IsImplicit && a.ArgumentKind is ArgumentKind.ParamArray or ArgumentKind.ParamCollection
                ? a.Value.Descendants().Where(d => !d.IsImplicit).Select(d => d.Syntax.SpanStart).DefaultIfEmpty(int.MaxValue).Min()
                : a.Syntax.SpanStart);
        var callerInfo = arguments.Where(a => a.ArgumentKind == ArgumentKind.DefaultValue && a.Parameter is { } p && IsCallerInfo(p));
        code.Text("(");
        var first = true;
        foreach (var argument in written.Concat(callerInfo))
        {
            if (argument.Parameter is { RefKind: not RefKind.None } && argument.Value is not IInterpolatedStringHandlerCreationOperation)
            {
                Unsupported(argument, $"'{method.Name}' takes '{argument.Parameter.Name}' by reference; " + CarryAdvice);
                return false;
            }

            var named = argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Syntax is ArgumentSyntax { NameColon: not null };
            IEnumerable<IOperation> values = argument switch
            {
                // params in its expanded form, f(a, b, c): the elements as written.
                { ArgumentKind: ArgumentKind.ParamArray, Value: IArrayCreationOperation { IsImplicit: true, Initializer: { } elements } } => elements.ElementValues,
                { ArgumentKind: ArgumentKind.ParamCollection, Value: ICollectionExpressionOperation { IsImplicit: true } collection } => collection.Elements,
                _ => [argument.Value],
            };
            foreach (var value in values)
            {
                code.Text(first ? string.Empty : ", ");
                first = false;
                if (named)
                {
                    code.Text(Symbols.Escaped(argument.Parameter!.Name) + ": ");
                }

                if (!Carry(value, code, parenthesize: false))
                {
                    return false;
                }
            }
        }

        code.Text(")");
        return true;
    }

    private static bool IsCallerInfo(IParameterSymbol parameter) =>
        parameter.GetAttributes().Any(a => a.AttributeClass is { } type
            && type.Name.StartsWith("Caller", System.StringComparison.Ordinal)
            && type.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices");

    /// <summary><c>$"x = {x:F2}"</c>, written as a regular interpolated string whatever form the user wrote.</summary>
    private bool CarryInterpolated(IInterpolatedStringOperation interpolated, VerbatimBuilder code)
    {
        code.Text("$\"");
        foreach (var part in interpolated.Parts)
        {
            string? text = null;
            IOperation? value = null, alignment = null, format = null;
            switch (part)
            {
                case IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal }:
                    text = literal;
                    break;
                case IInterpolationOperation interpolation:
                    (value, alignment, format) = (interpolation.Expression, interpolation.Alignment, interpolation.FormatString);
                    break;
                // The same parts when the string goes to an interpolated string handler (Debug.Assert's message).
                case IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendLiteral, AppendCall: IInvocationOperation call }:
                    text = call.Arguments[0].Value.ConstantValue.Value as string;
                    break;
                case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation call }:
                    (value, alignment, format) = (Unconverted(ArgumentNamed(call, "value")), ArgumentNamed(call, "alignment"), ArgumentNamed(call, "format"));
                    break;
            }

            if (text is not null)
            {
                code.Text(Escaped(text).Replace("{", "{{").Replace("}", "}}"));
                continue;
            }

            if (value is null
                || alignment is { ConstantValue.HasValue: false }
                || (format is not null && format.ConstantValue.Value is not string))
            {
                Unsupported(part, CarryAdvice);
                return false;
            }

            var formatText = format?.ConstantValue.Value as string;
            if (formatText is not null && formatText.IndexOfAny(['"', '\\', '{', '}', '\n', '\r']) >= 0)
            {
                Unsupported(part, "a format with quotes, braces or backslashes is not carried; format the value into a string local first");
                return false;
            }

            code.Text("{");
            if (!Carry(value, code, parenthesize: true))
            {
                return false;
            }

            code.Text(alignment is null ? string.Empty : "," + System.Convert.ToString(alignment.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture));
            code.Text(formatText is null ? "}" : ":" + formatText + "}");
        }

        code.Text("\"");
        return true;
    }

    private static IOperation? ArgumentNamed(IInvocationOperation call, string name) =>
        call.Arguments.FirstOrDefault(a => a.Parameter?.Name == name && a.ArgumentKind != ArgumentKind.DefaultValue)?.Value;

    /// <summary>An interpolation handler's <c>AppendFormatted&lt;T&gt;(T value)</c> sees the value converted to T: the value as written.</summary>
    private static IOperation? Unconverted(IOperation? operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : operation;

    /// <summary>A string's characters as they go between quotes in C#.</summary>
    private static string Escaped(string text)
    {
        var quoted = SymbolDisplay.FormatLiteral(text, quote: true);
        return quoted.Substring(1, quoted.Length - 2);
    }

    /// <summary>A type as generated code names it, or null (reported) for one it cannot name: a file-local type lives in its own file.</summary>
    private string? TypeName(ITypeSymbol? type, IOperation at)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                Unsupported(at, $"'{current.Name}' is file-local, so code generated into another file cannot name it; make it internal");
                return null;
            }
        }

        if (type is null or IErrorTypeSymbol || type.IsAnonymousType)
        {
            Unsupported(at, CarryAdvice);
            return null;
        }

        return Symbols.FullName(type);
    }

    /// <summary>Collects the text and holes of carried code.</summary>
    private sealed class VerbatimBuilder
    {
        private readonly List<string> _text = [string.Empty];
        private readonly List<Expr> _holes = [];

        public VerbatimBuilder Text(string text)
        {
            _text[_text.Count - 1] += text;
            return this;
        }

        public VerbatimBuilder Hole(Expr value)
        {
            _holes.Add(value);
            _text.Add(string.Empty);
            return this;
        }

        public Verbatim Build() => new(_text.ToEquatableArray(), _holes.ToEquatableArray());
    }
}
