using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeZero.Generators.Parsing;

// Long flat sums and products, a + b + c + … as a computer algebra system writes them: read without recursion and cut into
// statements, so the model stays shallow however many terms there are.
internal sealed partial class BodyParser
{
    /// <summary>How many operations of a left-deep chain stay in one expression; a longer chain is cut into temporaries.</summary>
    private const int ChainLength = 50;

    /// <summary>
    /// <c>a + b - c * d + …</c> with more than <see cref="ChainLength"/> operations down its left side: read from the bottom up,
    /// the value so far going into a temporary every <see cref="ChainLength"/> operations. Exact: each temporary holds the very
    /// sub-expression C# computes first, <c>((a + b) + c) + d</c> being <c>t = (a + b) + c; t + d</c>, rounding for rounding.
    /// </summary>
    private Expr? ParseChain(IBinaryOperation top)
    {
        var spine = new Stack<IBinaryOperation>();
        for (IOperation node = top; node is IBinaryOperation link && IsChainLink(link); node = link.LeftOperand)
        {
            spine.Push(link);
        }

        if (spine.Count <= ChainLength)
        {
            return null;
        }

        var value = Parse(spine.Peek().LeftOperand);
        var length = 0;
        while (spine.Count > 0)
        {
            var link = spine.Pop();
            var mark = _effects.Count;
            var right = Parse(link.RightOperand);
            if (_effects.Count > mark && Reads(value, Assigned(_effects.Skip(mark))))
            {
                // The right operand assigns what the left reads: the left keeps the value C# reads, first.
                var name = Fresh("operand");
                _effects.Insert(mark, new Declare(name, value.Kind, value));
                value = new Model.Variable(name, value.Kind);
            }

            value = CheckedBinary(ToBinaryOp(link.OperatorKind)!.Value, value, right, Symbols.KindOf(link.Type)!.Value, link);
            if (++length % ChainLength == 0 && spine.Count > 0)
            {
                value = Temporary("sum", value.Kind, value);
            }
        }

        return value;
    }

    /// <summary>A link of a chain: built-in arithmetic (<c>+ - * /</c>) on double or int.</summary>
    private static bool IsChainLink(IBinaryOperation binary) =>
        binary is { OperatorMethod: null, IsChecked: false }
        && binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide
        && Symbols.KindOf(binary.Type) is ValueKind.Double or ValueKind.Int;
}
