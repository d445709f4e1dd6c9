package archfixture.beta;

import archfixture.alpha.AlphaApi;
import archfixture.alpha.internal.AlphaSecret;
import org.springframework.beans.factory.annotation.Autowired;

/** Reaches into alpha's internals and uses field injection. */
public class BetaApi {

    @Autowired
    AlphaApi alpha;

    public void peek() {
        new AlphaSecret().reveal();
    }
}
