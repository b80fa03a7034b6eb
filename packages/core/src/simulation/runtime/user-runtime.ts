import type { User } from '../../model/user.js';

/** A user during a run: where it is attached now (mobility moves it). */
export class UserRuntime {
  readonly user: User;
  /** Current node name. */
  node: string;

  constructor(user: User) {
    this.user = user;
    this.node = user.node;
  }

  get name(): string {
    return this.user.name;
  }
}
