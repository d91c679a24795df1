package org.deephem.features;

/**
 * A minimum-free-energy secondary structure.
 *
 * @param mfe       free energy in kcal/mol (0 for the open chain)
 * @param structure dot-bracket string
 */
public record Fold(double mfe, String structure) {
    /** pair[i] = partner index of base i, or -1. */
    public int[] pairTable() {
        return pairTable(structure);
    }

    public static int[] pairTable(String dotBracket) {
        int n = dotBracket.length();
        int[] pt = new int[n];
        java.util.Arrays.fill(pt, -1);
        int[] stack = new int[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            char c = dotBracket.charAt(i);
            if (c == '(') {
                stack[top++] = i;
            } else if (c == ')') {
                if (top == 0) throw new IllegalArgumentException("unbalanced ')' at " + (i + 1));
                int j = stack[--top];
                pt[i] = j;
                pt[j] = i;
            } else if (c != '.') {
                throw new IllegalArgumentException("unexpected '" + c + "' in dot-bracket");
            }
        }
        if (top != 0) throw new IllegalArgumentException("unbalanced '(' in dot-bracket");
        return pt;
    }
}
