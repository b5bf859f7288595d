using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeZero.Generators.Parsing;

// Patterns of constants and comparisons, lowered to the comparisons they stand for: x is > 0 and < 1 is x > 0 && x < 1.
internal sealed partial class BodyParser
{
    private const string PatternAdvice =
        "write constant and relational patterns (x is > 0 and < 1, n is 0 or 1, x is double.NaN), or compare with operators (x > 0 && x < 1)";

    /// <summary>The locals a pattern declares (<c>var a</c>), each standing for the temporary holding its copy of the subject.</summary>
    private readonly System.Collections.Generic.Dictionary<ILocalSymbol, Model.Variable> _aliases = new(SymbolEqualityComparer.Default);

    /// <summary><c>v is P</c>: v read once, then the comparisons P stands for.</summary>
    private Expr ParseIsPattern(IIsPatternOperation isPattern) =>
        Matches(isPattern.Pattern, Subject(isPattern.Value)) ?? Placeholder(isPattern);

    /// <summary>What a switch or a pattern tests, read once: into a temporary unless it is a variable or a constant.</summary>
    private Expr Subject(IOperation value)
    {
        var subject = Parse(value);
        return subject is Model.Variable or Constant ? subject : Temporary("value", subject.Kind, subject);
    }

    /// <summary>The condition under which <paramref name="subject"/> matches <paramref name="pattern"/>; null (reported) when it is no comparison.</summary>
    private Expr? Matches(IPatternOperation pattern, Expr subject)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                return EqualTo(subject, Widen(Parse(constant.Value), subject.Kind));
            case IRelationalPatternOperation relational when ToBinaryOp(relational.OperatorKind) is { } op:
                return new Binary(op, subject, Widen(Parse(relational.Value), subject.Kind), ValueKind.Bool);
            case IBinaryPatternOperation binary:
                {
                    var left = Matches(binary.LeftPattern, subject);
                    var right = Matches(binary.RightPattern, subject);
                    return left is null || right is null ? null
                        : binary.OperatorKind == BinaryOperatorKind.And ? Both(left, right)
                        : new Binary(BinaryOp.ConditionalOr, left, right, ValueKind.Bool);
                }

            case INegatedPatternOperation negated:
                return Matches(negated.Pattern, subject) is { } matched ? new Unary(UnaryOp.Not, matched, ValueKind.Bool) : null;
            case IDiscardPatternOperation:
                return new Constant(1, ValueKind.Bool);
            case IDeclarationPatternOperation { DeclaredSymbol: var declared, MatchedType: var type } declaration
                when type is null || SymbolEqualityComparer.Default.Equals(type, declaration.InputType):
                // var a, or double a on a double: always matches, and a is a copy of the subject, in a temporary of its own.
                if (declared is ILocalSymbol local)
                {
                    _aliases[local] = Temporary(local.Name, subject.Kind, subject);
                }

                return new Constant(1, ValueKind.Bool);
            case IDeclarationPatternOperation or ITypePatternOperation:
                Unsupported(pattern, "a pattern that tests a type is not taken (a double is always a double); " + PatternAdvice);
                return null;
            default:
                Unsupported(pattern, PatternAdvice);
                return null;
        }
    }

    /// <summary>
    /// <c>v == c</c>; for the constant NaN, <c>double.IsNaN(v)</c>, as C# matches <c>x is double.NaN</c> (where <c>x == double.NaN</c>
    /// is always false).
    /// </summary>
    private static Expr EqualTo(Expr subject, Expr constant) => constant switch
    {
        Constant { Kind: ValueKind.Double } c when double.IsNaN(c.Value) =>
            new UserCall(new MemberRef("double", "IsNaN"), null, null, EquatableArray.Of(subject), EquatableArray.Of(true), ValueKind.Bool),
        Constant { Kind: ValueKind.Bool } c => c.Value != 0 ? subject : new Unary(UnaryOp.Not, subject, ValueKind.Bool),
        _ => new Binary(BinaryOp.Equal, subject, constant, ValueKind.Bool),
    };

    /// <summary><c>a &amp;&amp; b</c>, where a pattern that always matches (<c>var a</c>, <c>_</c>) leaves the other alone.</summary>
    private static Expr Both(Expr left, Expr right) =>
        left is Constant { Kind: ValueKind.Bool, Value: not 0 } ? right
        : right is Constant { Kind: ValueKind.Bool, Value: not 0 } ? left
        : new Binary(BinaryOp.ConditionalAnd, left, right, ValueKind.Bool);
}
