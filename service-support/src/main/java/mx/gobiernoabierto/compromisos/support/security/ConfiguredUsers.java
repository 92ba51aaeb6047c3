package mx.gobiernoabierto.compromisos.support.security;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The users of {@code compromisos.security.users}, for HTTP Basic. */
final class ConfiguredUsers implements UserDetailsService {

    private final Map<String, SecuritySettings.User> users;

    ConfiguredUsers(SecuritySettings settings) {
        this.users = settings.users().stream()
                .collect(Collectors.toUnmodifiableMap(SecuritySettings.User::username, Function.identity()));
    }

    boolean isEmpty() {
        return users.isEmpty();
    }

    int size() {
        return users.size();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        SecuritySettings.User user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return new ConfiguredUser(user);
    }

    /** A configured user as Spring Security sees it, carrying the caller it authenticates as. */
    static final class ConfiguredUser extends User {

        private final Caller caller;

        ConfiguredUser(SecuritySettings.User user) {
            super(user.username(), user.password(), user.roles().stream()
                    .map(role -> new SimpleGrantedAuthority(role.authority())).toList());
            this.caller = user.caller();
        }

        Caller caller() {
            return caller;
        }
    }
}
