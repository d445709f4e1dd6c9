package archfixture.alpha;

import archfixture.beta.BetaApi;

/** Depends on beta, which depends back on alpha: a cycle. */
public class AlphaApi {

    public BetaApi beta() {
        return new BetaApi();
    }
}
