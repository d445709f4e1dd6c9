package archfixture.alpha.internal;

/** Breaks the rules on purpose: prints, and throws a generic exception. */
public class AlphaSecret {

    public void reveal() {
        System.out.println("secret");
        throw new RuntimeException("generic");
    }
}
